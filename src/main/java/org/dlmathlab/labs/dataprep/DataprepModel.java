package org.dlmathlab.labs.dataprep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.data.Imputer;
import org.dlmathlab.math.data.OneHot;
import org.dlmathlab.math.data.Table;

/**
 * State of the data-preparation lab: a small table (the notes' house_tiny.csv, or the learner's CSV) and the steps
 * that turn it into numbers for a model: fill missing numbers with their column's mean, one-hot the category columns
 * (missing as its own category on request), then read it as a matrix X (with the last column set apart as the target
 * y when that is on and the column is numeric). The steps act on the inputs only, as the notes do with
 * {@code inputs = data.iloc[:, 0:2]}.
 *
 * <p>Quantities: {@code rows cols} (the table as shown, y included), {@code missing} (cells without a value),
 * {@code numeric} (1 when every cell is a number), {@code categories} (category columns left), {@code filled}
 * {@code onehot} {@code dummy_na} {@code target} (the switches), {@code matrix} (1 while the matrix is shown, which
 * needs numeric = 1), {@code x_rows x_cols} (the shape of X), {@code fill_mean} (the mean put into the first filled
 * column, NaN when nothing was filled), {@code fill_count} (cells filled), {@code onehot_cols} (columns one-hot made),
 * {@code csv} (1 while the learner's file is in use).
 */
public final class DataprepModel implements LabModel {

    public static final String ID = "dataprep";

    /** The notes' house_tiny.csv: rooms with two gaps, an alley type with three, and the price. */
    public static final String HOUSE_CSV = """
            NumRooms,Alley,Price
            NA,Pave,127500
            2,NA,106000
            4,NA,178100
            NA,NA,140000
            """;

    private static final List<String> PARAMETERS = List.of("filled", "onehot", "dummy_na", "target", "matrix");
    private static final List<String> QUANTITIES = List.of("rows", "cols", "missing", "numeric", "categories",
            "filled", "onehot", "dummy_na", "target", "matrix", "x_rows", "x_cols", "fill_mean", "fill_count",
            "onehot_cols", "csv");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("filled", 0.0, "onehot", 0.0, "dummy_na", 1.0,
            "target", 1.0, "matrix", 0.0);
    private static final Table HOUSE = Table.parseCsv(HOUSE_CSV).table();

    private final BooleanProperty filled = new SimpleBooleanProperty(this, "filled", false);
    private final BooleanProperty onehot = new SimpleBooleanProperty(this, "onehot", false);
    private final BooleanProperty dummyNa = new SimpleBooleanProperty(this, "dummyNa", true);
    private final BooleanProperty target = new SimpleBooleanProperty(this, "target", true);
    private final BooleanProperty matrix = new SimpleBooleanProperty(this, "matrix", false);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private Table original = HOUSE;
    private String csvName;
    private Outcome outcome;

    public DataprepModel() {
        changes.watch(filled, onehot, dummyNa, target, matrix);
        changes.addListener(o -> outcome = null);
    }

    @Override
    public String id() {
        return ID;
    }

    public BooleanProperty filledProperty() {
        return filled;
    }

    public BooleanProperty onehotProperty() {
        return onehot;
    }

    public BooleanProperty dummyNaProperty() {
        return dummyNa;
    }

    public BooleanProperty targetProperty() {
        return target;
    }

    public BooleanProperty matrixProperty() {
        return matrix;
    }

    /** The table as loaded, before any step. */
    public Table original() {
        return original;
    }

    /** The learner's file name, or null while the house table is in use. */
    public String csvName() {
        return csvName;
    }

    /**
     * Everything the steps produced.
     *
     * @param table      the table as shown now (inputs, then y when set apart)
     * @param inputs     the processed inputs (X before it is read as a matrix)
     * @param targetName the column set apart as y, or null
     * @param fills      what filling did (empty when off)
     * @param encodings  what one-hot did (empty when off)
     * @param filledCells "column\u0000row" keys of the cells that received a mean
     */
    public record Outcome(Table table, Table inputs, String targetName, List<Imputer.Fill> fills,
                          List<OneHot.Encoding> encodings, Set<String> filledCells) {

        public boolean isFilled(String column, int row) {
            return filledCells.contains(column + "\u0000" + row);
        }

        /** Whether a column was made by one-hot. */
        public boolean isOneHot(String column) {
            for (OneHot.Encoding e : encodings) {
                if (e.names().contains(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    public Outcome outcome() {
        Outcome o = outcome;
        if (o == null) {
            o = compute();
            outcome = o;
        }
        return o;
    }

    /** Whether the last column is set apart as y right now (the switch is on and the column is numeric). */
    public boolean targetActive() {
        return target.get() && original.columnCount() >= 2
                && original.column(original.columnCount() - 1).isNumeric();
    }

    /** X as a matrix, or null while a cell is missing or a column holds categories. */
    public double[][] inputMatrix() {
        Outcome o = outcome();
        return o.inputs().isNumericMatrix() && targetNumeric() ? o.inputs().toMatrix() : null;
    }

    /** y, or null when no column is set apart. */
    public double[] targetValues() {
        Outcome o = outcome();
        return o.targetName() == null ? null : o.table().column(o.targetName()).numbers();
    }

    private boolean targetNumeric() {
        Outcome o = outcome();
        return o.targetName() == null || o.table().column(o.targetName()).missingCount() == 0;
    }

    /**
     * Uses the learner's CSV; the good rows are kept and the problems returned. The table is replaced only when a
     * header and at least one row were read; the steps are switched off so the learner starts from the raw file.
     */
    public List<Table.Problem> loadCsv(String text, String name) {
        Table.ReadResult r = Table.parseCsv(text);
        if (r.table() != null && r.table().rowCount() > 0 && r.table().columnCount() > 0) {
            original = r.table();
            csvName = name;
            filled.set(false);
            onehot.set(false);
            matrix.set(false);
            outcome = null;
            changes.fire();
        }
        return r.problems();
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        boolean on = Parameters.requireInRange(name, value, 0, 1) >= 0.5;
        switch (name) {
            case "filled" -> filled.set(on);
            case "onehot" -> onehot.set(on);
            case "dummy_na" -> dummyNa.set(on);
            case "target" -> target.set(on);
            case "matrix" -> matrix.set(on);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        Outcome o = outcome();
        Table t = o.table();
        return switch (name) {
            case "rows" -> t.rowCount();
            case "cols" -> t.columnCount();
            case "missing" -> t.missingCount();
            case "numeric" -> t.isNumericMatrix() ? 1 : 0;
            case "categories" -> t.columns().stream().filter(c -> !c.isNumeric()).count();
            case "filled" -> filled.get() ? 1 : 0;
            case "onehot" -> onehot.get() ? 1 : 0;
            case "dummy_na" -> dummyNa.get() ? 1 : 0;
            case "target" -> o.targetName() != null ? 1 : 0;
            case "matrix" -> matrix.get() && t.isNumericMatrix() ? 1 : 0;
            case "x_rows" -> o.inputs().rowCount();
            case "x_cols" -> o.inputs().columnCount();
            case "fill_mean" -> o.fills().stream().filter(Imputer.Fill::possible).findFirst()
                    .map(Imputer.Fill::mean).orElse(Double.NaN);
            case "fill_count" -> o.filledCells().size();
            case "onehot_cols" -> o.encodings().stream().mapToInt(e -> e.names().size()).sum();
            case "csv" -> csvName != null ? 1 : 0;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        defaults = Parameters.mergeDefaults(ID, LAB_DEFAULTS, parameters, PARAMETERS);
        reset();
    }

    /** Back to the lesson's start: the house table and the starting switches. */
    @Override
    public void reset() {
        original = HOUSE;
        csvName = null;
        outcome = null;
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
        changes.fire();
    }

    private Outcome compute() {
        boolean split = targetActive();
        int n = original.columnCount();
        Table inputs = split ? original.columnRange(0, n - 1) : original;
        List<Imputer.Fill> fills = List.of();
        Set<String> filledCells = new HashSet<>();
        if (filled.get()) {
            Imputer.Result r = Imputer.fillMean(inputs);
            inputs = r.table();
            fills = r.fills();
            for (Imputer.Fill f : fills) {
                for (int row : f.filled()) {
                    filledCells.add(f.column() + "\u0000" + row);
                }
            }
        }
        List<OneHot.Encoding> encodings = List.of();
        if (onehot.get()) {
            OneHot.Result r = OneHot.encode(inputs, dummyNa.get());
            inputs = r.table();
            encodings = r.encodings();
        }
        Table shown = inputs;
        String targetName = null;
        if (split) {
            Table.Column y = original.column(n - 1);
            targetName = y.name();
            if (inputs.column(targetName) != null) {
                // A one-hot column could take y's name; keep both visible under distinct names.
                targetName = targetName + " (y)";
                y = y.renamed(targetName);
            }
            shown = inputs.besides(new Table(new ArrayList<>(List.of(y))));
        }
        return new Outcome(shown, inputs, targetName, fills, encodings, filledCells);
    }
}
