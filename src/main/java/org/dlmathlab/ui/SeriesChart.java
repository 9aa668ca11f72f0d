package org.dlmathlab.ui;

import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.StringExpression;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A line chart of named series (loss curves and the like) built on JFreeChart-FX, which gives zoom, pan and
 * "save as PNG" from its context menu. Points are added in batches: the chart redraws once per {@link #flush()}, not
 * once per point.
 */
public final class SeriesChart {

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final NumberAxis linearAxis = new NumberAxis();
    private final LogAxis logAxis = new LogAxis();
    private final Theme theme;
    private boolean logScale;

    public SeriesChart(I18n i18n, StringExpression title, StringExpression xLabel, StringExpression yLabel, Theme theme) {
        this.theme = theme;
        NumberAxis xAxis = new NumberAxis();
        xAxis.setAutoRangeIncludesZero(false);
        // Every chart here counts something along x (epochs, steps, samples, degrees): whole-number ticks only.
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        linearAxis.setAutoRangeIncludesZero(false);
        logAxis.setSmallestValue(1e-12);
        // A log axis steps in powers of ten: whole exponents, never labels such as 10^0.5.
        logAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // One path per series instead of one line per pair of points: long loss curves draw several times faster.
        renderer.setDrawSeriesLineAsPath(true);
        plot = new XYPlot(data, xAxis, linearAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        viewer = new ChartViewer(chart);
        viewer.setMinSize(160, 120);
        viewer.setPrefSize(420, 220);
        Runnable relabel = () -> {
            chart.setTitle(title.get().isEmpty() ? null : title.get());
            xAxis.setLabel(xLabel.get());
            linearAxis.setLabel(yLabel.get());
            logAxis.setLabel(yLabel.get());
        };
        relabel.run();
        i18n.langProperty().addListener(o -> relabel.run());
        theme.modeProperty().addListener(o -> applyTheme());
        applyTheme();
        for (var entry : series.entrySet()) {
            data.addSeries(entry.getValue());
        }
    }

    public Node node() {
        return viewer;
    }

    /** Adds (or empties) a series with its label and colour. */
    public void defineSeries(String key, String label, Color color) {
        XYSeries s = series.get(key);
        if (s == null) {
            s = new XYSeries(key, false, true);
            s.setNotify(false);
            series.put(key, s);
            data.addSeries(s);
        }
        s.setKey(label);
        int index = data.indexOf(s);
        renderer.setSeriesPaint(index, awt(color));
        renderer.setSeriesStroke(index, new BasicStroke(2f));
    }

    /** Adds a point; finite values only (a diverged run must not paint NaN). Shown at the next {@link #flush()}. */
    public void add(String key, double x, double y) {
        XYSeries s = series.get(key);
        if (s != null && Double.isFinite(x) && Double.isFinite(y) && (!logScale || y > 0)) {
            s.add(x, y, false);
        }
    }

    public void clear() {
        series.values().forEach(XYSeries::clear);
        flush();
    }

    public void clear(String key) {
        XYSeries s = series.get(key);
        if (s != null) {
            s.clear();
        }
    }

    /** Number of points of a series, for tests. */
    public int count(String key) {
        XYSeries s = series.get(key);
        return s == null ? 0 : s.getItemCount();
    }

    /**
     * Redraws once with everything added since the last flush. The series stay silent between flushes; a series only
     * sends its change event while its notify flag is on ({@code fireSeriesChanged} alone does nothing then), so the
     * flag is switched on and off again, and the chart itself waits for the last series before it redraws.
     */
    public void flush() {
        chart.setNotify(false);
        try {
            for (XYSeries s : series.values()) {
                s.setNotify(true);
                s.setNotify(false);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Log scale on the value axis: loss curves that fall over decades read better. */
    public void setLogScale(boolean on) {
        if (on == logScale) {
            return;
        }
        logScale = on;
        ValueAxis axis = on ? logAxis : linearAxis;
        if (on) {
            // Points at or below zero cannot be drawn on a log axis.
            for (XYSeries s : series.values()) {
                for (int i = s.getItemCount() - 1; i >= 0; i--) {
                    if (s.getY(i).doubleValue() <= 0) {
                        s.remove(i);
                    }
                }
            }
        }
        plot.setRangeAxis(axis);
        applyTheme();
        flush();
    }

    /**
     * Whether the linear value axis always reaches down (or up) to zero. Losses read best from zero; a flat line then
     * shows as flat instead of being blown up to fill the chart.
     */
    public void setIncludeZero(boolean on) {
        linearAxis.setAutoRangeIncludesZero(on);
    }

    public boolean isLogScale() {
        return logScale;
    }

    private void applyTheme() {
        Theme.Palette p = theme.palette();
        chart.setBackgroundPaint(awt(p.background()));
        plot.setBackgroundPaint(awt(p.background()));
        plot.setDomainGridlinePaint(awt(p.gridFaint().darker()));
        plot.setRangeGridlinePaint(awt(p.gridFaint().darker()));
        for (ValueAxis axis : new ValueAxis[]{plot.getDomainAxis(), linearAxis, logAxis}) {
            axis.setLabelPaint(awt(p.text()));
            axis.setTickLabelPaint(awt(p.text()));
            axis.setAxisLinePaint(awt(p.axis()));
            axis.setLabelFont(new java.awt.Font(Fonts.FAMILY, java.awt.Font.PLAIN, 12));
            axis.setTickLabelFont(new java.awt.Font(Fonts.FAMILY, java.awt.Font.PLAIN, 11));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(awt(p.background()));
            chart.getLegend().setItemPaint(awt(p.text()));
            chart.getLegend().setItemFont(new java.awt.Font(Fonts.FAMILY, java.awt.Font.PLAIN, 11));
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(awt(p.text()));
            chart.getTitle().setFont(new java.awt.Font(Fonts.FAMILY, java.awt.Font.BOLD, 13));
        }
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
