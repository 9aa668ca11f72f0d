package org.dlmathlab.labs.partials;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.expr.ExpressionException;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.ExpressionMessages;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;

/**
 * The partial-derivatives lab: the contour map with P, the 3D surface, the two slice plots and the controls (the
 * surface: presets or a typed formula; P's coordinates; the read-outs; the gradient field and the views). The
 * pictures are laid out side by side in a wide window and stacked in a narrow one. Draws the model; the numbers come
 * from {@link PartialSurface} and the per-surface data from {@link SurfaceInfo}.
 */
public final class PartialsView implements LabView {

    /** Control groups a lesson may show; {@code surface} and {@code slices} are the 3D plot and the slice plots. */
    public static final List<String> CONTROLS = List.of("function", "point", "readouts", "display", "surface",
            "slices");
    /** How far an arrow key moves P (Shift: ten times as far). */
    static final double KEY_STEP = 0.05;

    private final PartialsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ControlGroups groups;
    private final BorderPane root = new BorderPane();
    private final MapPlot map;
    private final SurfacePlot surface;
    private final SlicePlot sliceX;
    private final SlicePlot sliceY;
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Label surfaceLabel = new Label();
    private final TextField formulaField = new TextField();
    private final Label formulaError = new Label();
    private final DoubleProperty pointX = new SimpleDoubleProperty(this, "pointX");
    private final DoubleProperty pointY = new SimpleDoubleProperty(this, "pointY");
    private final List<Label> readoutValues = new ArrayList<>();
    private final Label readoutNote = new Label();
    private final CheckBox fieldBox = new CheckBox();
    private SurfaceInfo info;
    private PartialSurface shownSurface;
    private boolean syncing;
    private boolean shownField;

    public PartialsView(PartialsModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-partials");
        map = new MapPlot(model, i18n, theme, this::info);
        surface = new SurfacePlot(model, i18n, theme, this::info);
        sliceX = new SlicePlot(model, i18n, theme, this::info, true);
        sliceY = new SlicePlot(model, i18n, theme, this::info, false);
        groups.register("surface", surface);
        groups.register("slices", sliceX.plot());
        sliceY.plot().visibleProperty().bind(sliceX.plot().visibleProperty());
        sliceY.plot().managedProperty().bind(sliceX.plot().managedProperty());
        root.setCenter(new Tiles(map, surface, sliceX.plot(), sliceY.plot()));

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(functionGroup(), pointGroup(), readoutGroup(), displayGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 260, 220);
        root.setRight(scroller);

        map.plot().addEventHandler(KeyEvent.KEY_PRESSED, this::onMapKey);
        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            relabelPresets();
            map.invalidateBackdrop();
            surface.invalidateBackdrop();
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            map.invalidateBackdrop();
            surface.invalidateBackdrop();
            refresh();
        });
        shownField = model.field();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    /** The shared data of the surface in use, recomputed only when the surface changes. */
    SurfaceInfo info() {
        if (info == null || info.surface != model.surface()) {
            info = new SurfaceInfo(model.surface());
        }
        return info;
    }

    public PlotCanvas mapPlot() {
        return map.plot();
    }

    public PlotCanvas surfacePlot() {
        return surface.plot();
    }

    public PlotCanvas slicePlotX() {
        return sliceX.plot();
    }

    public PlotCanvas slicePlotY() {
        return sliceY.plot();
    }

    public TextField formulaField() {
        return formulaField;
    }

    public Label formulaError() {
        return formulaError;
    }

    public CheckBox fieldBox() {
        return fieldBox;
    }

    /** The read-out labels: f, df/dx, df/dy, |grad f|, its direction. */
    public List<Label> readouts() {
        return List.copyOf(readoutValues);
    }

    /** How many times the map's band image was computed (per surface, view, size, theme; never per move of P). */
    public long contourBuilds() {
        return map.imageBuilds();
    }

    /** How many times the 3D mesh was painted (per camera, view, surface, theme; never per move of P). */
    public long meshPaints() {
        return surface.meshPaints();
    }

    public DoubleProperty yawProperty() {
        return surface.yawProperty();
    }

    public DoubleProperty pitchProperty() {
        return surface.pitchProperty();
    }

    /** Draws every picture now (benchmarks and tests; the UI waits for the pulse). */
    public void paintAllNow() {
        map.plot().paintNow();
        surface.plot().paintNow();
        sliceX.plot().paintNow();
        sliceY.plot().paintNow();
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        map.resetView();
        surface.resetView();
        sliceX.fit();
        sliceY.fit();
    }

    // ---- controls -------------------------------------------------------------------------------------------------


    private Node functionGroup() {
        VBox box = groups.group("function", "partials.function.title");
        relabelPresets();
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setTooltip(Tips.of(i18n, "partials.function.tooltip"));
        presetBox.setId("partials-preset");
        presetBox.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (syncing || index == null || index.intValue() < 0) {
                return;
            }
            if (index.intValue() < PartialSurface.ALL.size()) {
                model.setParameter("preset", index.intValue());
                clearFormulaError();
            } else {
                formulaField.requestFocus();
            }
        });
        surfaceLabel.setWrapText(true);
        surfaceLabel.getStyleClass().add("control-explain");
        surfaceLabel.setId("partials-surface-label");
        formulaField.promptTextProperty().bind(i18n.bind("partials.formula.prompt"));
        formulaField.setTooltip(Tips.of(i18n, "partials.formula.tooltip"));
        formulaField.setId("partials-formula");
        formulaField.setOnAction(e -> applyFormula());
        HBox.setHgrow(formulaField, Priority.ALWAYS);
        Button apply = new Button();
        apply.textProperty().bind(i18n.bind("partials.formula.apply"));
        apply.setTooltip(Tips.of(i18n, "partials.formula.tooltip"));
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.setId("partials-formula-apply");
        apply.setOnAction(e -> applyFormula());
        formulaError.setWrapText(true);
        formulaError.getStyleClass().add("lab-status");
        formulaError.setId("partials-formula-error");
        box.getChildren().addAll(presetBox, surfaceLabel, new HBox(6, formulaField, apply), formulaError);
        return box;
    }

    private void relabelPresets() {
        boolean was = syncing;
        syncing = true;
        List<String> names = new ArrayList<>();
        for (PartialSurface s : PartialSurface.ALL) {
            names.add(i18n.get("partials.preset." + s.id()));
        }
        names.add(i18n.get("partials.preset.typed"));
        presetBox.setItems(FXCollections.observableArrayList(names));
        presetBox.getSelectionModel().select(model.preset() < 0 ? PartialSurface.ALL.size() : model.preset());
        syncing = was;
    }

    /** Uses the typed formula; a typing error is explained under the field and the surface stays as it was. */
    public void applyFormula() {
        try {
            model.setFormula(formulaField.getText());
            clearFormulaError();
        } catch (ExpressionException e) {
            showFormulaError(ExpressionMessages.describe(e, i18n));
        } catch (IllegalArgumentException e) {
            showFormulaError(i18n.get("partials.formula.undefined"));
        }
    }

    private void showFormulaError(String message) {
        formulaError.setText(message);
        if (!formulaField.getStyleClass().contains("field-error")) {
            formulaField.getStyleClass().add("field-error");
        }
    }

    private void clearFormulaError() {
        formulaError.setText("");
        formulaField.getStyleClass().removeAll("field-error");
    }

    private Node pointGroup() {
        VBox box = groups.group("point", "partials.point.title");
        pointX.set(model.x());
        pointY.set(model.y());
        pointX.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.x()) {
                model.setParameter("x", v.doubleValue());
            }
        });
        pointY.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.y()) {
                model.setParameter("y", v.doubleValue());
            }
        });
        double lim = PartialsModel.LIMIT;
        SliderField x = new SliderField(i18n.bind("partials.point.x"), i18n.bind("partials.point.tooltip"), pointX,
                -lim, lim, v -> requireRange("x", v), text -> NumberInput.parse(text, i18n));
        SliderField y = new SliderField(i18n.bind("partials.point.y"), i18n.bind("partials.point.tooltip"), pointY,
                -lim, lim, v -> requireRange("y", v), text -> NumberInput.parse(text, i18n));
        x.setId("partials-x");
        y.setId("partials-y");
        box.getChildren().addAll(x, y, groups.explain("partials.point.explain"));
        return box;
    }

    private double requireRange(String name, double v) {
        double lim = PartialsModel.LIMIT;
        if (!(v >= -lim && v <= lim)) {
            throw new IllegalArgumentException(i18n.get("partials.error.range", name, Format.num(-lim),
                    Format.num(lim)));
        }
        return v;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "partials.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"partials.readout.f", "partials.readout.dfdx", "partials.readout.dfdy",
                "partials.readout.norm", "partials.readout.angle"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(keys[i]));
            name.getStyleClass().add("readout-name");
            Tooltip.install(name, Tips.of(i18n, keys[i] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("partials-readout-" + i);
            readoutValues.add(value);
            grid.addRow(i, name, value);
        }
        readoutNote.setWrapText(true);
        readoutNote.getStyleClass().add("control-explain");
        readoutNote.setId("partials-readout-note");
        box.getChildren().addAll(grid, readoutNote);
        return box;
    }

    private Node displayGroup() {
        VBox box = groups.group("display", "partials.display.title");
        fieldBox.textProperty().bind(i18n.bind("partials.field"));
        fieldBox.setTooltip(Tips.of(i18n, "partials.field.tooltip"));
        fieldBox.setId("partials-field");
        fieldBox.selectedProperty().addListener((o, was, is) -> {
            if (!syncing && is != model.field()) {
                model.setParameter("field", is ? 1 : 0);
            }
        });
        Button resetSurface = new Button();
        resetSurface.textProperty().bind(i18n.bind("partials.resetSurface"));
        resetSurface.setTooltip(Tips.of(i18n, "partials.resetSurface.tooltip"));
        resetSurface.setId("partials-reset-surface");
        resetSurface.setOnAction(e -> surface.resetView());
        Button fitMap = new Button();
        fitMap.textProperty().bind(i18n.bind("partials.fitMap"));
        fitMap.setTooltip(Tips.of(i18n, "partials.fitMap.tooltip"));
        fitMap.setId("partials-fit-map");
        fitMap.setOnAction(e -> {
            map.resetView();
            sliceX.fit();
            sliceY.fit();
        });
        box.getChildren().addAll(fieldBox, new FlowPane(6, 6, resetSurface, fitMap));
        return box;
    }

    // ---- keys -----------------------------------------------------------------------------------------------------

    /** Keys on the map: arrows nudge P (Shift: ten times as far), G switches the gradient field. */
    private void onMapKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? 10 * KEY_STEP : KEY_STEP;
        switch (e.getCode()) {
            case LEFT -> nudge(-step, 0);
            case RIGHT -> nudge(step, 0);
            case UP -> nudge(0, step);
            case DOWN -> nudge(0, -step);
            case G -> model.setParameter("field", model.field() ? 0 : 1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudge(double dx, double dy) {
        model.moveTo(MapPlot.snap(model.x() + dx), MapPlot.snap(model.y() + dy));
    }

    // ---- refresh --------------------------------------------------------------------------------------------------

    private void refresh() {
        PartialSurface s = model.surface();
        if (s != shownSurface) {
            // A new surface (the list, a lesson, Reset): an old typing error no longer applies.
            shownSurface = s;
            clearFormulaError();
        }
        syncing = true;
        try {
            pointX.set(model.x());
            pointY.set(model.y());
            fieldBox.setSelected(model.field());
            int selected = model.preset() < 0 ? PartialSurface.ALL.size() : model.preset();
            if (presetBox.getSelectionModel().getSelectedIndex() != selected) {
                presetBox.getSelectionModel().select(selected);
            }
        } finally {
            syncing = false;
        }
        surfaceLabel.setText(model.formula() == null ? i18n.get("partials.surface." + s.id())
                : i18n.get("partials.surface.typed", model.formula()));
        if (model.formula() != null && !formulaField.isFocused()) {
            formulaField.setText(model.formula());
        }
        double norm = model.quantity("grad_norm");
        double angle = model.quantity("grad_angle");
        String[] values = {Format.num(model.quantity("fx"), 4), Format.num(model.quantity("dfdx"), 4),
                Format.num(model.quantity("dfdy"), 4), Format.num(norm, 4),
                Double.isNaN(angle) ? "—" : Format.num(angle, 1) + "°"};
        for (int i = 0; i < values.length; i++) {
            readoutValues.get(i).setText(values[i]);
        }
        String note = i18n.get(s.exact() ? "partials.readout.exact" : "partials.readout.numeric");
        // Chinese sentences follow each other without a space.
        String gap = i18n.lang() == Lang.ZH ? "" : " ";
        if (Double.isFinite(norm) && norm <= 1e-9) {
            note = i18n.get("partials.readout.flat") + gap + note;
        } else if (!Double.isFinite(model.quantity("fx"))) {
            note = i18n.get("partials.readout.undefined") + gap + note;
        }
        readoutNote.setText(note);
        if (model.field() != shownField) {
            shownField = model.field();
            map.invalidateBackdrop();
        }
        map.plot().requestRedraw();
        surface.plot().requestRedraw();
        sliceX.plot().requestRedraw();
        sliceY.plot().requestRedraw();
    }

    /**
     * Places the pictures: in a wide area the map on the left and the surface over the two slice plots on the right;
     * in a tall one the three stacked, the slice plots side by side. Hidden pictures give their room to the others.
     */
    private static final class Tiles extends Pane {
        private static final double GAP = 6;
        private final Region map;
        private final Region surface;
        private final Region sliceX;
        private final Region sliceY;

        Tiles(Region map, Region surface, Region sliceX, Region sliceY) {
            this.map = map;
            this.surface = surface;
            this.sliceX = sliceX;
            this.sliceY = sliceY;
            getChildren().addAll(map, surface, sliceX, sliceY);
            setMinSize(300, 300);
            setPrefSize(620, 560);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            boolean withSurface = surface.isVisible();
            boolean withSlices = sliceX.isVisible();
            if (!withSurface && !withSlices) {
                map.resizeRelocate(0, 0, w, h);
                return;
            }
            if (w >= 1.15 * h && w >= 520) {
                double mapW = Math.max(w * 0.42, Math.min(h, w * 0.56));
                map.resizeRelocate(0, 0, snap(mapW), h);
                double x = snap(mapW + GAP);
                double rw = w - x;
                if (withSurface && withSlices) {
                    double sh = snap((h - GAP) * 0.6);
                    surface.resizeRelocate(x, 0, rw, sh);
                    pair(x, sh + GAP, rw, h - sh - GAP, true);
                } else if (withSurface) {
                    surface.resizeRelocate(x, 0, rw, h);
                } else {
                    pair(x, 0, rw, h, false);
                }
            } else if (withSurface && withSlices && w >= 420) {
                // The map as a square with the slice plots beside it, the surface across the bottom.
                double side = snap(Math.min(w * 0.62, h * 0.46));
                map.resizeRelocate(0, 0, side, side);
                pair(side + GAP, 0, w - side - GAP, side, false);
                surface.resizeRelocate(0, side + GAP, w, h - side - GAP);
            } else {
                double mapH;
                if (withSurface && withSlices) {
                    mapH = snap(h * 0.42);
                    double sh = snap(h * 0.33);
                    map.resizeRelocate(0, 0, w, mapH);
                    surface.resizeRelocate(0, mapH + GAP, w, sh);
                    pair(0, mapH + sh + 2 * GAP, w, h - mapH - sh - 2 * GAP, true);
                } else if (withSurface) {
                    mapH = snap(h * 0.55);
                    map.resizeRelocate(0, 0, w, mapH);
                    surface.resizeRelocate(0, mapH + GAP, w, h - mapH - GAP);
                } else {
                    mapH = snap(h * 0.66);
                    map.resizeRelocate(0, 0, w, mapH);
                    pair(0, mapH + GAP, w, h - mapH - GAP, true);
                }
            }
        }

        /** The two slice plots in the rectangle, side by side or one over the other. */
        private void pair(double x, double y, double w, double h, boolean sideBySide) {
            if (sideBySide) {
                double half = snap((w - GAP) / 2);
                sliceX.resizeRelocate(x, y, half, h);
                sliceY.resizeRelocate(x + half + GAP, y, w - half - GAP, h);
            } else {
                double half = snap((h - GAP) / 2);
                sliceX.resizeRelocate(x, y, w, half);
                sliceY.resizeRelocate(x, y + half + GAP, w, h - half - GAP);
            }
        }

        private static double snap(double v) {
            return Math.floor(v);
        }
    }
}
