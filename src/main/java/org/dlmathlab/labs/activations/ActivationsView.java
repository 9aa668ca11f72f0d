package org.dlmathlab.labs.activations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.VanishingRegions;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Curves;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * Three pages. Curves: the chosen activation f (solid) and f' (dashed) on the same axes, others overlaid on request,
 * the regions where |f'| &lt; 0.05 shaded as "vanishing gradient", and a probe z (drag its line) with f(z), f'(z).
 * Softmax: bars of softmax(logits / T) that always sum to 1, the largest highlighted. Comparison: a table of the
 * activations in our own words. The controls at the side follow the page.
 */
public final class ActivationsView implements LabView {

    public static final List<String> CONTROLS = List.of("activation", "overlay", "probe", "softmax", "table");
    private static final List<String> CURVE_GROUPS = List.of("activation", "overlay", "probe");
    private static final String[] SUB = {"₁", "₂", "₃", "₄", "₅", "₆"};
    private static final Color[] LIGHT = {Color.web("#2f6fd6"), Color.web("#8e44ad"), Color.web("#c0392b"),
        Color.web("#c77700"), Color.web("#0b8a8a"), Color.web("#2e8b3e")};
    private static final Color[] DARK = {Color.web("#6ea0ff"), Color.web("#c58af0"), Color.web("#ff7b6e"),
        Color.web("#f5b041"), Color.web("#3fd0d0"), Color.web("#5ad17a")};

    private final ActivationsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final TabPane tabs = new TabPane();
    private final Tab curvesTab = new Tab();
    private final Tab softmaxTab = new Tab();
    private final Tab tableTab = new Tab();
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-6, 6, -1.4, 3, false));
    private final PlotCanvas bars = new PlotCanvas(new Viewport(0, 1, 0, 1, false));
    private final ScrollPane scroller;
    private final ComboBox<String> activationBox = new ComboBox<>();
    private final SliderField alphaField;
    private final Label formulaLabel = new Label();
    private final Label rangeLabel = new Label();
    private final List<CheckBox> overlays = new ArrayList<>();
    private final Label fValue = new Label();
    private final Label dfValue = new Label();
    private final Label vanishingLabel = new Label();
    private final Label regionsLabel = new Label();
    private final ToggleGroup countGroup = new ToggleGroup();
    private final List<ToggleButton> countButtons = new ArrayList<>();
    private final List<SliderField> logitFields = new ArrayList<>();
    private final Label sumLabel = new Label();
    private final GridPane table = new GridPane();private Set<String> allowed = Set.of();
    private boolean choosing;
    private boolean draggingProbe;
    private int tableBuiltFor = -1;

    public ActivationsView(ActivationsModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-activations");

        plot.setId("activations-plot");
        plot.setPainter(this::paintCurves);
        plot.setInteraction(new ProbeDrag());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        bars.setId("activations-bars");
        bars.setPainter(this::paintBars);
        bars.setInteraction(new Still());
        bars.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        curvesTab.setContent(plot);
        curvesTab.setId("activations-tab-curves");
        softmaxTab.setContent(bars);
        softmaxTab.setId("activations-tab-softmax");
        table.setId("activations-table");
        table.setHgap(0);
        table.setVgap(0);
        table.setMinWidth(820);
        table.setPadding(new Insets(8));
        ScrollPane tableScroller = new ScrollPane(table);
        tableScroller.setFitToWidth(true);
        tableScroller.getStyleClass().add("lab-controls-scroller");
        tableTab.setContent(tableScroller);
        tableTab.setId("activations-tab-table");
        for (Tab t : List.of(curvesTab, softmaxTab, tableTab)) {
            t.setClosable(false);
        }
        tabs.getTabs().setAll(curvesTab, softmaxTab, tableTab);
        tabs.setId("activations-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> {
            if (!choosing && tab != null) {
                int page = tab == softmaxTab ? 1 : tab == tableTab ? 2 : 0;
                if (page != model.page()) {
                    model.setParameter("page", page);
                }
            }
        });
        root.setCenter(tabs);

        alphaField = slider("alpha", "activations.alpha.label", "activations.alpha.tooltip", 0,
                ActivationsModel.ALPHA_MAX, model::alpha);
        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(activationGroup(), probeGroup(), overlayGroup(), softmaxGroup());
        scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPrefViewportWidth(280);
        scroller.setMinWidth(230);
        scroller.getStyleClass().add("lab-controls-scroller");
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            relabel();
            tableBuiltFor = -1;
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            tableBuiltFor = -1;
            refresh();
        });
        relabel();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public PlotCanvas bars() {
        return bars;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The warning shown while the probe sits where the slope has vanished; empty otherwise. */
    public Label vanishingLabel() {
        return vanishingLabel;
    }

    /** The "Σ p = 1" read-out under the logits. */
    public Label sumLabel() {
        return sumLabel;
    }

    public ComboBox<String> activationBox() {
        return activationBox;
    }

    public GridPane table() {
        return table;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        allowed = Set.copyOf(controls);
        List<Tab> shown = new ArrayList<>(List.of(curvesTab));
        if (isAllowed("softmax")) {
            shown.add(softmaxTab);
        }
        if (isAllowed("table")) {
            shown.add(tableTab);
        }
        choosing = true;
        tabs.getTabs().setAll(shown);
        choosing = false;
        refresh();
    }

    private boolean isAllowed(String group) {
        return allowed.isEmpty() || allowed.contains(group);
    }

    @Override
    public void resetView() {
        plot.viewport().reset();
        plot.requestRedraw();
    }

    // ---- controls ---------------------------------------------------------------------------------------------

    private SliderField slider(String param, String labelKey, String tipKey, double min, double max,
                               DoubleSupplier current) {
        SimpleDoubleProperty value = new SimpleDoubleProperty(current.getAsDouble());
        model.changes().addListener(o -> value.set(current.getAsDouble()));
        value.addListener((o, old, v) -> {
            if (v.doubleValue() != current.getAsDouble()) {
                model.setParameter(param, v.doubleValue());
            }
        });
        SliderField field = new SliderField(i18n.bind(labelKey), i18n.bind(tipKey), value, min, max,
                v -> requireRange(param, v, min, max), text -> NumberInput.parse(text, i18n));
        field.setId("activations-" + param);
        return field;
    }

    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("activations.error.range", name, Format.num(min),
                    Format.num(max)));
        }
        return v;
    }


    private Node activationGroup() {
        VBox box = groups.group("activation", "activations.activation.title");
        activationBox.setMaxWidth(Double.MAX_VALUE);
        activationBox.setId("activations-activation");
        activationBox.setTooltip(Tips.of(i18n, "activations.activation.tooltip"));
        activationBox.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (!choosing && index != null && index.intValue() >= 0 && index.intValue() != model.choice()) {
                model.setParameter("activation", index.intValue());
            }
        });
        formulaLabel.setWrapText(true);
        formulaLabel.getStyleClass().add("control-explain");
        rangeLabel.setId("activations-range");
        rangeLabel.getStyleClass().add("readout-value");
        box.getChildren().addAll(activationBox, formulaLabel, rangeLabel, alphaField);
        return box;
    }

    private Node probeGroup() {
        VBox box = groups.group("probe", "activations.probe.title");
        SliderField z = slider("z", "activations.z.label", "activations.z.tooltip", -ActivationsModel.Z_LIMIT,
                ActivationsModel.Z_LIMIT, model::z);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        Label fName = new Label();
        fName.textProperty().bind(i18n.bind("activations.readout.f"));
        fName.getStyleClass().add("readout-name");
        Label dfName = new Label();
        dfName.textProperty().bind(i18n.bind("activations.readout.df"));
        dfName.getStyleClass().add("readout-name");
        fValue.getStyleClass().add("readout-value");
        fValue.setId("activations-fz");
        dfValue.getStyleClass().add("readout-value");
        dfValue.setId("activations-dfz");
        grid.addRow(0, fName, fValue);
        grid.addRow(1, dfName, dfValue);
        vanishingLabel.setId("activations-vanishing");
        vanishingLabel.setWrapText(true);
        vanishingLabel.getStyleClass().add("lab-status");
        regionsLabel.setWrapText(true);
        regionsLabel.setId("activations-regions");
        regionsLabel.getStyleClass().add("control-explain");
        box.getChildren().addAll(z, grid, vanishingLabel, regionsLabel);
        return box;
    }

    private Node overlayGroup() {
        VBox box = groups.group("overlay", "activations.overlay.title");
        box.getChildren().add(groups.explain("activations.overlay.explain"));
        FlowPane flow = new FlowPane(10, 6);
        for (int i = 0; i < ActivationsModel.NAMES.size(); i++) {
            String name = ActivationsModel.NAMES.get(i);
            CheckBox c = new CheckBox();
            c.setId("activations-show-" + name);
            c.setTooltip(Tips.of(i18n, "activations.overlay.tooltip"));
            Rectangle swatch = new Rectangle(14, 4);
            c.setGraphic(swatch);
            int index = i;
            c.selectedProperty().addListener((o, was, is) -> {
                if (!choosing && is != model.shown(index)) {
                    model.setParameter("show_" + name, is ? 1 : 0);
                }
            });
            overlays.add(c);
            flow.getChildren().add(c);
        }
        box.getChildren().add(flow);
        return box;
    }

    private Node softmaxGroup() {
        VBox box = groups.group("softmax", "activations.softmax.title");
        box.getChildren().add(groups.explain("activations.softmax.explain"));
        Label count = new Label();
        count.textProperty().bind(i18n.bind("activations.softmax.count"));
        HBox buttons = new HBox(4, count);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (int k = ActivationsModel.MIN_LOGITS; k <= ActivationsModel.MAX_LOGITS; k++) {
            ToggleButton b = new ToggleButton(Integer.toString(k));
            b.setToggleGroup(countGroup);
            b.setId("activations-k" + k);
            b.getStyleClass().add("small-button");
            b.setTooltip(Tips.of(i18n, "activations.softmax.count.tooltip"));
            int chosen = k;
            b.setOnAction(e -> {
                if (model.logitCount() != chosen) {
                    model.setParameter("k", chosen);
                }
                b.setSelected(true);
            });
            countButtons.add(b);
            buttons.getChildren().add(b);
        }
        box.getChildren().add(buttons);
        for (int i = 0; i < ActivationsModel.MAX_LOGITS; i++) {
            int index = i;
            SliderField f = slider("logit" + (i + 1), "activations.logit.label" + (i + 1),
                    "activations.logit.tooltip", -ActivationsModel.LOGIT_LIMIT, ActivationsModel.LOGIT_LIMIT,
                    () -> model.logit(index));
            logitFields.add(f);
            box.getChildren().add(f);
        }
        SimpleDoubleProperty t = new SimpleDoubleProperty(model.temperature());
        model.changes().addListener(o -> t.set(model.temperature()));
        t.addListener((o, old, v) -> {
            if (v.doubleValue() != model.temperature()) {
                model.setParameter("t", v.doubleValue());
            }
        });
        SliderField tField = SliderField.logarithmic(i18n.bind("activations.t.label"),
                i18n.bind("activations.t.tooltip"), t, ActivationsModel.T_MIN, ActivationsModel.T_MAX,
                v -> requireRange("T", v, ActivationsModel.T_MIN, ActivationsModel.T_MAX),
                text -> NumberInput.parse(text, i18n));
        tField.setId("activations-t");
        FlowPane presets = new FlowPane(6, 6);
        for (double value : new double[]{0.1, 1, 10}) {
            Button b = new Button("T = " + Format.num(value));
            b.getStyleClass().add("small-button");
            b.setTooltip(Tips.of(i18n, value < 1 ? "activations.t.cold" : value > 1 ? "activations.t.hot"
                    : "activations.t.plain"));
            b.setOnAction(e -> model.setParameter("t", value));
            presets.getChildren().add(b);
        }
        sumLabel.setId("activations-psum");
        sumLabel.getStyleClass().add("readout-value");
        box.getChildren().addAll(tField, presets, sumLabel);
        return box;
    }

    private void relabel() {
        choosing = true;
        List<String> names = new ArrayList<>();
        for (Activation a : ActivationsModel.CHOICES) {
            names.add(i18n.get("activations.act." + a.name()));
        }
        activationBox.setItems(FXCollections.observableArrayList(names));
        activationBox.getSelectionModel().select(model.choice());
        for (int i = 0; i < overlays.size(); i++) {
            overlays.get(i).setText(i18n.get("activations.short." + ActivationsModel.CHOICES.get(i).name()));
        }
        curvesTab.setText(i18n.get("activations.tab.curves"));
        softmaxTab.setText(i18n.get("activations.tab.softmax"));
        tableTab.setText(i18n.get("activations.tab.table"));
        choosing = false;
    }

    // ---- refresh ----------------------------------------------------------------------------------------------

    private void refresh() {
        choosing = true;
        Tab wanted = model.page() == 1 ? softmaxTab : model.page() == 2 ? tableTab : curvesTab;
        if (!tabs.getTabs().contains(wanted)) {
            wanted = curvesTab;
        }
        if (tabs.getSelectionModel().getSelectedItem() != wanted) {
            tabs.getSelectionModel().select(wanted);
        }
        if (activationBox.getSelectionModel().getSelectedIndex() != model.choice()) {
            activationBox.getSelectionModel().select(model.choice());
        }
        Color[] colors = colors();
        for (int i = 0; i < overlays.size(); i++) {
            CheckBox c = overlays.get(i);
            c.setSelected(model.shown(i) || i == model.choice());
            c.setDisable(i == model.choice());
            ((Rectangle) c.getGraphic()).setFill(colors[i]);
        }
        countButtons.get(model.logitCount() - ActivationsModel.MIN_LOGITS).setSelected(true);
        choosing = false;

        // The side panel follows the page: curve controls beside the curves, logits beside the bars.
        Set<String> visible = new HashSet<>();
        int page = pageShown();
        for (String g : CONTROLS) {
            boolean onPage = page == 0 ? CURVE_GROUPS.contains(g) : page == 1 && g.equals("softmax");
            if (onPage && isAllowed(g)) {
                visible.add(g);
            }
        }
        visible.add("-");
        groups.show(visible);
        root.setRight(page == 2 ? null : scroller);

        Activation f = model.activation();
        boolean leaky = f == Activation.LEAKY_RELU;
        alphaField.setVisible(leaky);
        alphaField.setManaged(leaky);
        formulaLabel.setText(i18n.get("activations.formula." + f.name()));
        rangeLabel.setText(i18n.get("activations.range", rangeText(f)));
        double z = model.z();
        fValue.setText(Format.num(model.quantity("fz"), 4));
        dfValue.setText(Format.num(model.quantity("dfz"), 4));
        vanishingLabel.setText(model.vanishing() ? i18n.get("activations.vanishing.here",
                Format.num(ActivationsModel.THRESHOLD)) : "");
        vanishingLabel.setManaged(model.vanishing());
        vanishingLabel.setVisible(model.vanishing());
        regionsLabel.setText(regionsText());
        for (int i = 0; i < logitFields.size(); i++) {
            boolean on = i < model.logitCount();
            logitFields.get(i).setVisible(on);
            logitFields.get(i).setManaged(on);
        }
        sumLabel.setText(i18n.get("activations.softmax.sum", Format.num(model.quantity("psum"), 6),
                SUB[model.argmax()], Format.num(model.quantity("pmax"), 3)));
        if (tableBuiltFor != model.choice() * 1000 + (int) Math.round(model.alpha() * 100)) {
            buildTable();
        }
        if (Double.isFinite(z)) {
            plot.requestRedraw();
        }
        bars.requestRedraw();
    }

    /** The page on screen: the model's, unless the lesson hid that page. */
    private int pageShown() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == softmaxTab ? 1 : t == tableTab ? 2 : 0;
    }

    private String rangeText(Activation f) {
        if (f == Activation.LEAKY_RELU && model.alpha() == 0) {
            return "[0, ∞)";
        }
        return f.range();
    }

    /** "Flat where z < −2.89 and z > 2.89" for the visible part of the axis, or "nowhere" in words. */
    private String regionsText() {
        List<VanishingRegions.Interval> regions = model.vanishingRegions(-ActivationsModel.Z_LIMIT,
                ActivationsModel.Z_LIMIT);
        if (regions.isEmpty()) {
            return i18n.get("activations.regions.none", Format.num(ActivationsModel.THRESHOLD),
                    Format.num(ActivationsModel.Z_LIMIT, 0));
        }
        List<String> parts = new ArrayList<>();
        for (VanishingRegions.Interval r : regions) {
            boolean fromEdge = r.from() <= -ActivationsModel.Z_LIMIT;
            boolean toEdge = r.to() >= ActivationsModel.Z_LIMIT;
            if (fromEdge && toEdge) {
                parts.add(i18n.get("activations.regions.all"));
            } else if (fromEdge) {
                parts.add("z < " + Format.num(r.to(), 2));
            } else if (toEdge) {
                parts.add("z > " + Format.num(r.from(), 2));
            } else {
                parts.add(Format.num(r.from(), 2) + " < z < " + Format.num(r.to(), 2));
            }
        }
        return i18n.get("activations.regions.list", Format.num(ActivationsModel.THRESHOLD),
                String.join(i18n.get("activations.regions.and"), parts));
    }

    private Color[] colors() {
        return theme.mode() == Theme.Mode.DARK ? DARK : LIGHT;
    }

    // ---- the comparison table ---------------------------------------------------------------------------------

    private void buildTable() {
        tableBuiltFor = model.choice() * 1000 + (int) Math.round(model.alpha() * 100);
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        double[] widths = {110, 150, 95, 95, 170, 170, 140};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(w * 0.8);
            c.setPrefWidth(w);
            c.setHgrow(Priority.SOMETIMES);
            c.setFillWidth(true);
            table.getColumnConstraints().add(c);
        }
        String[] heads = {"name", "formula", "range", "slope0", "good", "watch", "use"};
        for (int c = 0; c < heads.length; c++) {
            Label h = cell(i18n.get("activations.table.head." + heads[c]), true, false, null);
            table.add(h, c, 0);
        }
        List<String> rows = new ArrayList<>();
        for (Activation a : ActivationsModel.CHOICES) {
            rows.add(a.name());
        }
        rows.add("SOFTMAX");
        for (int r = 0; r < rows.size(); r++) {
            String key = rows.get(r);
            boolean chosen = r == model.choice();
            String range;
            String slope0;
            if (key.equals("SOFTMAX")) {
                range = "(0, 1), Σ = 1";
                slope0 = "—";
            } else {
                Activation a = Activation.valueOf(key);
                range = a == Activation.LEAKY_RELU ? i18n.get("activations.table.leakyRange")
                        : rangeText(a);
                slope0 = a == Activation.RELU || a == Activation.LEAKY_RELU
                        ? i18n.get("activations.table.kink." + key)
                        : Format.num(a.derivative(0, model.alpha()), 3);
            }
            String[] values = {i18n.get("activations.act." + key), i18n.get("activations.table.formula." + key), range,
                slope0, i18n.get("activations.table.good." + key), i18n.get("activations.table.watch." + key),
                i18n.get("activations.table.use." + key)};
            for (int c = 0; c < values.length; c++) {
                Color colour = c == 0 && r < ActivationsModel.CHOICES.size() ? colors()[r] : null;
                table.add(cell(values[c], c == 0, chosen, colour), c, r + 1);
            }
        }
    }

    private Label cell(String text, boolean bold, boolean highlight, Color colour) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setAlignment(Pos.TOP_LEFT);
        l.setPadding(new Insets(6, 8, 6, 8));
        l.setMinHeight(Region.USE_PREF_SIZE);
        String border = "-fx-border-color: transparent transparent -dl-border transparent;";
        String bg = highlight ? "-fx-background-color: -dl-hint-bg;" : "";
        String fill = colour == null ? "-dl-text" : "#" + colour.toString().substring(2, 8);
        l.setStyle(border + bg + (bold ? "-fx-font-weight: bold;" : "") + "-fx-text-fill: " + fill + ";");
        return l;
    }

    // ---- the curves -------------------------------------------------------------------------------------------

    private void paintCurves(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        // The vanishing-gradient regions of the chosen f, across the whole height.
        Color shade = p.warning().deriveColor(0, 1, 1, theme.mode() == Theme.Mode.DARK ? 0.16 : 0.10);
        List<VanishingRegions.Interval> regions = model.vanishingRegions(vp.minWorldX(), vp.maxWorldX());
        g.setFont(Fonts.bold(11.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (VanishingRegions.Interval r : regions) {
            double x0 = vp.toScreenX(r.from());
            double x1 = vp.toScreenX(r.to());
            g.setFill(shade);
            g.fillRect(x0, 0, Math.max(1.5, x1 - x0), h);
        }
        Axes.draw(g, vp, p);
        String shadeText = i18n.get("activations.shade", Format.num(ActivationsModel.THRESHOLD));
        Font shadeFont = Fonts.bold(11.5);
        for (VanishingRegions.Interval r : regions) {
            double x0 = vp.toScreenX(r.from());
            double x1 = vp.toScreenX(r.to());
            if (x1 - x0 > TextMetrics.width(shadeText, shadeFont) + 8) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.setFill(p.warning());
                g.setFont(shadeFont);
                g.fillText(shadeText, (x0 + x1) / 2, 34);
            }
        }
        Color[] colors = colors();
        int chosen = model.choice();
        for (int i = 0; i < ActivationsModel.CHOICES.size(); i++) {
            if (i != chosen && model.shown(i)) {
                drawPair(g, vp, ActivationsModel.CHOICES.get(i), colors[i], 1.6);
            }
        }
        drawPair(g, vp, model.activation(), colors[chosen], 2.8);
        drawProbe(g, vp, p, colors[chosen]);
        drawLegend(g, vp, p, colors);
        double hintWidth = w >= 560 ? w : 0;
        String hint = i18n.get(hintWidth > 0 ? "activations.plot.hint" : "activations.plot.hintShort");
        Font hf = Fonts.regular(11.5);
        g.setFont(hf);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.82));
        g.fillRect(6, h - 22, Math.min(w - 12, TextMetrics.width(hint, hf) + 10), 19);
        g.setFill(p.axis());
        g.fillText(hint, 10, h - 6, Math.max(40, w - 20));
    }

    private void drawPair(GraphicsContext g, Viewport vp, Activation f, Color c, double width) {
        g.setStroke(c);
        g.setLineWidth(width);
        Curves.plot(g, vp, z -> model.value(f, z));
        g.setLineDashes(8, 6);
        g.setLineWidth(Math.max(1.4, width * 0.7));
        Curves.plot(g, vp, z -> model.slope(f, z));
        g.setLineDashes();
    }

    private void drawProbe(GraphicsContext g, Viewport vp, Theme.Palette p, Color c) {
        double z = model.z();
        double sx = vp.toScreenX(z);
        double fz = model.quantity("fz");
        double dfz = model.quantity("dfz");
        g.setStroke(p.probe());
        g.setLineWidth(1.6);
        g.strokeLine(sx, 0, sx, vp.height());
        double fy = vp.toScreenY(fz);
        double dy = vp.toScreenY(dfz);
        g.setFill(c);
        g.fillOval(sx - 6, fy - 6, 12, 12);
        g.setStroke(c);
        g.setLineWidth(2);
        g.setFill(p.background());
        g.fillOval(sx - 5, dy - 5, 10, 10);
        g.strokeOval(sx - 5, dy - 5, 10, 10);
        // The handle at the bottom of the probe line: what to grab.
        g.setFill(p.probe());
        double hy = vp.height() - 36;
        g.fillPolygon(new double[]{sx, sx - 8, sx + 8}, new double[]{hy - 10, hy + 4, hy + 4}, 3);

        Font bold = Fonts.bold(12.5);
        String zText = "z = " + Format.num(z, 2);
        String fText = "f(z) = " + Format.num(fz, 3);
        String dText = "f′(z) = " + Format.num(dfz, 3);
        double tw = Math.max(TextMetrics.width(fText, bold), TextMetrics.width(dText, bold));
        boolean right = sx + tw + 18 < vp.width();
        double lx = right ? sx + 10 : sx - tw - 10;
        double ly = Math.max(52, Math.min(vp.height() - 110, Math.min(fy, dy) - 12));
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(lx - 3, ly - 2, tw + 6, 52);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.probe());
        g.fillText(zText, lx, ly);
        g.setFill(c);
        g.fillText(fText, lx, ly + 16);
        g.fillText(dText, lx, ly + 32);
        if (model.vanishing()) {
            String warn = i18n.get("activations.vanishing.short");
            Font wf = Fonts.bold(13);
            double ww = TextMetrics.width(warn, wf);
            double wx = Math.max(4, Math.min(vp.width() - ww - 10, lx));
            g.setFill(p.background().deriveColor(0, 1, 1, 0.9));
            g.fillRect(wx - 3, ly + 50, ww + 6, 20);
            g.setFill(p.warning());
            g.setFont(wf);
            g.fillText(warn, wx, ly + 52);
        }
    }

    private void drawLegend(GraphicsContext g, Viewport vp, Theme.Palette p, Color[] colors) {
        List<Integer> drawn = new ArrayList<>();
        drawn.add(model.choice());
        for (int i = 0; i < ActivationsModel.CHOICES.size(); i++) {
            if (i != model.choice() && model.shown(i)) {
                drawn.add(i);
            }
        }
        Font f = Fonts.regular(12);
        Font bold = Fonts.bold(12);
        String note = i18n.get("activations.legend.lines");
        double x = 8;
        double y = 6;
        double width = TextMetrics.width(note, f) + 16;
        for (int i : drawn) {
            width = Math.max(width, 40 + TextMetrics.width(i18n.get("activations.act." + ActivationsModel.CHOICES.get(i)
                    .name()), bold));
        }
        width = Math.min(width, vp.width() - 16);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
        g.fillRect(x, y, width, 22 + 17 * drawn.size());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.axis());
        g.setFont(f);
        g.fillText(note, x + 6, y + 3, width - 10);
        for (int k = 0; k < drawn.size(); k++) {
            int i = drawn.get(k);
            double ly = y + 22 + 17 * k;
            g.setStroke(colors[i]);
            g.setLineWidth(k == 0 ? 2.8 : 1.6);
            g.strokeLine(x + 6, ly + 8, x + 28, ly + 8);
            g.setFill(colors[i]);
            g.setFont(k == 0 ? bold : f);
            g.fillText(i18n.get("activations.act." + ActivationsModel.CHOICES.get(i).name()), x + 34, ly, width - 40);
        }
    }

    // ---- the softmax bars -------------------------------------------------------------------------------------

    private void paintBars(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        if (w < 60 || h < 120) {
            return;
        }
        int k = model.logitCount();
        double[] probs = model.probabilities();
        int best = model.argmax();
        Font title = Fonts.bold(14);
        Font regular = Fonts.regular(12.5);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.text());
        g.setFont(title);
        g.fillText(i18n.get("activations.bars.title", Format.num(model.temperature(), 3)), 12, 10, w - 24);
        g.setFont(regular);
        g.setFill(p.axis());
        g.fillText(i18n.get("activations.bars.sum", Format.num(model.quantity("psum"), 6)), 12, 30, w - 24);

        double left = 44;
        double right = w - 16;
        double top = 72;
        double bottom = h - 62;
        double plotH = Math.max(20, bottom - top);
        // Axis and grid at 0, 0.25, ..., 1.
        g.setFont(Fonts.regular(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t <= 4; t++) {
            double y = bottom - plotH * t / 4.0;
            g.setStroke(t == 0 ? p.axis() : p.gridFaint());
            g.setLineWidth(1);
            g.strokeLine(left, Math.floor(y) + 0.5, right, Math.floor(y) + 0.5);
            g.setFill(p.axis());
            g.fillText(Format.num(t / 4.0, 2), left - 6, y);
        }
        double slot = (right - left) / k;
        double barW = Math.min(90, slot * 0.62);
        Color accent = theme.mode() == Theme.Mode.DARK ? Color.web("#f5c04a") : Color.web("#d68910");
        Color muted = theme.mode() == Theme.Mode.DARK ? Color.web("#6f9cf0") : Color.web("#6a8fd0");
        for (int i = 0; i < k; i++) {
            double cx = left + slot * (i + 0.5);
            double bh = plotH * probs[i];
            g.setFill(i == best ? accent : muted);
            g.fillRect(cx - barW / 2, bottom - bh, barW, bh);
            if (i == best) {
                g.setStroke(p.text());
                g.setLineWidth(1.5);
                g.strokeRect(cx - barW / 2, bottom - bh, barW, bh);
            }
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.setFill(i == best ? p.text() : p.axis());
            g.setFont(i == best ? Fonts.bold(13) : Fonts.regular(12.5));
            g.fillText(Format.num(probs[i], 3), cx, bottom - bh - 3, slot - 4);
            g.setTextBaseline(VPos.TOP);
            g.setFont(Fonts.regular(12));
            g.setFill(p.text());
            g.fillText("p" + SUB[i], cx, bottom + 4, slot - 4);
            g.setFill(p.axis());
            g.fillText("z" + SUB[i] + " = " + Format.num(model.logit(i), 2), cx, bottom + 20, slot - 4);
            if (i == best) {
                g.setFill(accent);
                g.setFont(Fonts.bold(11.5));
                g.fillText(i18n.get("activations.bars.argmax"), cx, bottom + 36, slot - 4);
            }
        }
        // The uniform level 1/k, which a very high temperature approaches.
        double uy = bottom - plotH / k;
        g.setStroke(p.axis());
        g.setLineDashes(5, 5);
        g.setLineWidth(1);
        g.strokeLine(left, uy, right, uy);
        g.setLineDashes();
        g.setFill(p.axis());
        g.setFont(Fonts.regular(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("1/" + k, right, uy - 2);
    }


    // ---- keys and drags ---------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? 1 : 0.1;
        switch (e.getCode()) {
            case LEFT -> model.moveZ(Math.round((model.z() - step) * 10) / 10.0);
            case RIGHT -> model.moveZ(Math.round((model.z() + step) * 10) / 10.0);
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, DIGIT6 ->
                    model.setParameter("activation", e.getCode().ordinal() - javafx.scene.input.KeyCode.DIGIT1.ordinal());
            case T -> model.setParameter("page", (model.page() + 1) % ActivationsModel.PAGES);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The bars have nothing to drag; a press only takes the focus (no panning). */
    private static final class Still implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double x, double y) {
            return Cursor.DEFAULT;
        }
    }

    /** Dragging near the probe line moves z (snapped to 0.1 unless Shift is held). */
    private final class ProbeDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            draggingProbe = near(wx);
            return draggingProbe;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            if (draggingProbe) {
                model.moveZ(event.isShiftDown() ? wx : Math.round(wx * 10) / 10.0);
            }
        }

        @Override
        public void release() {
            draggingProbe = false;
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return near(wx) ? Cursor.H_RESIZE : Cursor.DEFAULT;
        }

        private boolean near(double wx) {
            Viewport vp = plot.viewport();
            return Math.abs(vp.toScreenX(wx) - vp.toScreenX(model.z())) <= 9;
        }
    }
}
