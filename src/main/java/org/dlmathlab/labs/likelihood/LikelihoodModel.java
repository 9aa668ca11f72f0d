package org.dlmathlab.labs.likelihood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.stats.Gaussian;
import org.dlmathlab.math.stats.GaussianLikelihood;
import org.dlmathlab.math.stats.GaussianSampler;

/**
 * Maximum likelihood for a normal model: data x_1..x_n (drawn from N(true_mu, true_sigma^2) with a seed, or typed
 * in) and a candidate N(mu, sigma^2). The likelihood L = p(x_1) ... p(x_n) and its log
 * l = -n ln sigma - n ln sqrt(2 pi) - SSE(mu) / (2 sigma^2), with SSE(mu) = sum (x_i - mu)^2, are maximised at
 * mu* = mean(x) and sigma*^2 = SSE(mu*) / n (the biased variance). For fixed sigma,
 * -l = n ln(sigma sqrt(2 pi)) + SSE(mu) / (2 sigma^2): the same minimiser as the squared error.
 *
 * <p>Quantities: {@code mu sigma loglik likelihood} (exp(loglik), 0 once it underflows) {@code nll} (-loglik)
 * {@code nll_const} (n ln(sigma sqrt(2 pi))) {@code sse mse mu_mle sigma_mle var_mle} (sigma_mle^2, divide by n)
 * {@code var_unbiased} (divide by n - 1; NaN for one point) {@code loglik_max} (+infinity when all points are equal)
 * {@code gap} (loglik_max - loglik) {@code n typed true_mu true_sigma seed}.
 */
public final class LikelihoodModel implements LabModel {

    public static final String ID = "likelihood";
    /** Typed data and the candidate mean stay within +-LIMIT. */
    public static final double LIMIT = 100;
    public static final double SIGMA_MIN = 0.05;
    public static final double SIGMA_MAX = 100;
    public static final int N_MAX = 1000;
    public static final double TRUE_MU_LIMIT = 5;
    public static final double TRUE_SIGMA_MIN = 0.1;
    public static final double TRUE_SIGMA_MAX = 5;
    public static final double SEED_MAX = 999_999_999;
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private static final List<String> PARAMETERS = List.of("mu", "sigma", "n", "seed", "true_mu", "true_sigma");
    private static final List<String> QUANTITIES = List.of("mu", "sigma", "loglik", "likelihood", "nll",
            "nll_const", "sse", "mse", "mu_mle", "sigma_mle", "var_mle", "var_unbiased", "loglik_max", "gap", "n",
            "typed", "true_mu", "true_sigma", "seed");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("mu", 0.0, "sigma", 1.0, "n", 20.0,
            "seed", 7.0, "true_mu", 2.0, "true_sigma", 1.5);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private double mu;
    private double sigma = 1;
    private int n = 20;
    private long seed = 7;
    private double trueMu = 2;
    private double trueSigma = 1.5;
    private boolean typed;
    private double[] data;
    private GaussianLikelihood likelihood;
    private double muMle;
    private double sigmaMle;
    private double sseMin;
    private long dataVersion;

    public LikelihoodModel() {
        regenerate();
    }

    @Override
    public String id() {
        return ID;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    /** A copy of the data in use. */
    public double[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    public double point(int i) {
        return data[i];
    }

    public boolean isTyped() {
        return typed;
    }

    /** Counts up whenever the data change, so a view knows to rebuild pictures that depend on them. */
    public long dataVersion() {
        return dataVersion;
    }

    public double muMle() {
        return muMle;
    }

    public double sigmaMle() {
        return sigmaMle;
    }

    /** False when every point is the same: sigma -> 0 then makes the likelihood grow without bound. */
    public boolean hasMaximum() {
        return sigmaMle > 0;
    }

    /** p(x) under the candidate N(mu, sigma^2). */
    public double density(double x) {
        return new Gaussian(mu, sigma).density(x);
    }

    /** p(x) under the best fit N(mu*, sigma*^2); NaN without a maximum. */
    public double bestDensity(double x) {
        return hasMaximum() ? new Gaussian(muMle, sigmaMle).density(x) : Double.NaN;
    }

    public double logLikelihood() {
        return likelihood.logLikelihood(mu, sigma);
    }

    /** SSE(m) = sum (x_i - m)^2. */
    public double sse(double m) {
        return likelihood.squaredError(m);
    }

    /** -l(m, sigma) at the current sigma: n ln(sigma sqrt(2 pi)) + SSE(m) / (2 sigma^2). */
    public double negLogLikelihoodAt(double m) {
        return -likelihood.logLikelihood(m, sigma);
    }

    /**
     * l(m, s) over the (mu, sigma) plane, for the map; NaN where s <= 0. Uses SSE(m) = SSE(mu*) + n (m - mu*)^2
     * (the cross term sum (x_i - mu*) is zero), so each value costs O(1) instead of a pass over the data.
     */
    public DoubleBinaryOperator surface() {
        int size = data.length;
        double mean = muMle;
        double floor = sseMin;
        return (m, s) -> {
            if (!(s > 0)) {
                return Double.NaN;
            }
            double d = m - mean;
            return -size * Math.log(s) - size * LOG_SQRT_TWO_PI - (floor + size * d * d) / (2 * s * s);
        };
    }

    /**
     * The likelihood written as mantissa x 10^exponent from the log (base 10: l / ln 10), so it can be shown even
     * when exp(l) underflows to 0 in double precision.
     */
    public double[] likelihoodPowerOfTen() {
        double log10 = logLikelihood() / Math.log(10);
        double exponent = Math.floor(log10);
        return new double[]{Math.pow(10, log10 - exponent), exponent};
    }

    /** Whether exp(l) is 0 in double precision (below about 4.9 x 10^-324) although the likelihood is positive. */
    public boolean likelihoodUnderflows() {
        return Math.exp(logLikelihood()) == 0;
    }

    /** Sets (mu, sigma) to the maximum: the sample mean and the biased standard deviation (at least SIGMA_MIN). */
    public void jumpToMaximum() {
        mu = clamp(muMle, -LIMIT, LIMIT);
        sigma = clamp(sigmaMle, SIGMA_MIN, SIGMA_MAX);
        changes.fire();
    }

    /** Moves the candidate, clamped to the lab's ranges (drags and keys use this). */
    public void moveCandidate(double m, double s) {
        mu = clamp(m, -LIMIT, LIMIT);
        sigma = clamp(s, SIGMA_MIN, SIGMA_MAX);
        changes.fire();
    }

    /**
     * Uses the learner's numbers instead of generated data.
     *
     * @throws IllegalArgumentException with no values, more than {@link #N_MAX}, or any outside +-{@link #LIMIT}
     */
    public void useTypedData(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no data points");
        }
        if (values.length > N_MAX) {
            throw new IllegalArgumentException("at most " + N_MAX + " data points");
        }
        for (double v : values) {
            Parameters.requireInRange("a data point", v, -LIMIT, LIMIT);
        }
        typed = true;
        setData(values.clone());
        changes.fire();
    }

    /** Back to the points drawn from N(true_mu, true_sigma^2) with the seed. */
    public void useGeneratedData() {
        regenerate();
        changes.fire();
    }

    private void regenerate() {
        typed = false;
        setData(new GaussianSampler(new Gaussian(trueMu, trueSigma), seed).next(n));
    }

    private void setData(double[] values) {
        data = values;
        likelihood = new GaussianLikelihood(values);
        muMle = likelihood.muMle();
        sigmaMle = likelihood.sigmaMle();
        sseMin = likelihood.squaredError(muMle);
        dataVersion++;
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "mu" -> mu = Parameters.requireInRange(name, value, -LIMIT, LIMIT);
            case "sigma" -> sigma = Parameters.requireInRange(name, value, SIGMA_MIN, SIGMA_MAX);
            case "n" -> {
                int v = (int) whole(name, value, 1, N_MAX);
                if (v != n || typed) {
                    n = v;
                    regenerate();
                }
            }
            case "seed" -> {
                long v = (long) whole(name, value, 0, SEED_MAX);
                if (v != seed || typed) {
                    seed = v;
                    regenerate();
                }
            }
            case "true_mu" -> {
                double v = Parameters.requireInRange(name, value, -TRUE_MU_LIMIT, TRUE_MU_LIMIT);
                if (v != trueMu || typed) {
                    trueMu = v;
                    regenerate();
                }
            }
            case "true_sigma" -> {
                double v = Parameters.requireInRange(name, value, TRUE_SIGMA_MIN, TRUE_SIGMA_MAX);
                if (v != trueSigma || typed) {
                    trueSigma = v;
                    regenerate();
                }
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
        changes.fire();
    }

    private static double whole(String name, double value, double min, double max) {
        double v = Parameters.requireInRange(name, value, min, max);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
        return v;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "mu" -> mu;
            case "sigma" -> sigma;
            case "loglik" -> logLikelihood();
            case "likelihood" -> Math.exp(logLikelihood());
            case "nll" -> -logLikelihood();
            case "nll_const" -> data.length * (Math.log(sigma) + LOG_SQRT_TWO_PI);
            case "sse" -> sse(mu);
            case "mse" -> sse(mu) / data.length;
            case "mu_mle" -> muMle;
            case "sigma_mle" -> sigmaMle;
            case "var_mle" -> sigmaMle * sigmaMle;
            case "var_unbiased" -> data.length < 2 ? Double.NaN : sseMin / (data.length - 1);
            case "loglik_max" -> hasMaximum() ? likelihood.logLikelihood(muMle, sigmaMle) : Double.POSITIVE_INFINITY;
            case "gap" -> quantity("loglik_max") - logLikelihood();
            case "n" -> data.length;
            case "typed" -> typed ? 1 : 0;
            case "true_mu" -> trueMu;
            case "true_sigma" -> trueSigma;
            case "seed" -> seed;
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

    /** The lesson's parameters and freshly generated data. */
    @Override
    public void reset() {
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
        if (typed) {
            regenerate();
            changes.fire();
        }
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        List<double[]> points = new ArrayList<>();
        Gaussian candidate = new Gaussian(mu, sigma);
        for (int i = 0; i < data.length; i++) {
            points.add(new double[]{i + 1, data[i], candidate.density(data[i]), candidate.logDensity(data[i])});
        }
        // -l and SSE along mu at the current sigma: the squared-loss panel.
        List<double[]> profile = new ArrayList<>();
        double half = Math.max(1, 3 * sigmaMle);
        for (int k = 0; k <= 200; k++) {
            double m = muMle - half + 2 * half * k / 200;
            profile.add(new double[]{m, negLogLikelihoodAt(m), sse(m)});
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("data", new DataTable(List.of("i", "x", "density", "log_density"), points));
        out.put("profile", new DataTable(List.of("mu", "nll", "sse"), profile));
        return out;
    }
}
