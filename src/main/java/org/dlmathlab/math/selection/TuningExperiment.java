package org.dlmathlab.math.selection;

/**
 * The hold-out experiment repeated over many seeds, to compare two ways of choosing the degree and reporting a score:
 *
 * <ul>
 *   <li><b>honest</b>: choose d_v = argmin_d MSE_val(d), then report MSE_test(d_v) once;</li>
 *   <li><b>tuned on test</b>: choose d_t = argmin_d MSE_test(d) and report MSE_test(d_t).</li>
 * </ul>
 * For each run and procedure the optimism is MSE_fresh(d) - MSE_reported(d): how much worse the chosen model does on
 * a fresh sample of the same source than the score that was reported. The result gives the mean over runs and its
 * standard error s / sqrt(R), s the sample standard deviation (R - 1 in the denominator), and the share of runs whose
 * report was too rosy (optimism &gt; 0).
 *
 * <p>Why they differ: the test set plays no part in choosing d_v, so MSE_test(d_v) is an unbiased estimate of the
 * chosen model's error and the honest optimism averages to about 0. MSE_test(d_t) is the smallest of twelve noisy
 * estimates, and the minimum of noisy numbers is biased low, so tuning on the test set reports too good a score.
 */
public final class TuningExperiment {

    /** The number of runs the lab's "repeat" button does. */
    public static final int DEFAULT_RUNS = 200;
    private static final long RUN_STREAM = 100;

    /**
     * What the repeated experiment found.
     *
     * @param runs            how many runs were made
     * @param optimismHonest  per run: fresh - reported for the validation-tuned model
     * @param optimismOnTest  per run: fresh - reported for the test-tuned model
     */
    public record Result(int runs, double[] optimismHonest, double[] optimismOnTest, double meanReportedHonest,
                         double meanFreshHonest, double meanReportedOnTest, double meanFreshOnTest) {

        public double meanOptimismHonest() {
            return mean(optimismHonest);
        }

        public double meanOptimismOnTest() {
            return mean(optimismOnTest);
        }

        public double standardErrorHonest() {
            return standardError(optimismHonest);
        }

        public double standardErrorOnTest() {
            return standardError(optimismOnTest);
        }

        /** The share of runs (0 to 1) whose reported score was better than the fresh one. */
        public double optimisticShareHonest() {
            return positiveShare(optimismHonest);
        }

        public double optimisticShareOnTest() {
            return positiveShare(optimismOnTest);
        }
    }

    private TuningExperiment() {
    }

    /**
     * Runs the experiment {@code runs} times. Run r uses the seed {@code HoldoutRun.derive(HoldoutRun.derive(seed,
     * 100), r)}, so the whole result depends only on the arguments.
     *
     * @throws IllegalArgumentException when runs &lt; 2 or a part of the split would get no point
     */
    public static Result run(int n, double noise, double trainFraction, double validationFraction, long seed,
                             int runs, int freshSize) {
        if (runs < 2) {
            throw new IllegalArgumentException("the experiment needs at least 2 runs, not " + runs);
        }
        double[] honest = new double[runs];
        double[] onTest = new double[runs];
        double reportedHonest = 0;
        double freshHonest = 0;
        double reportedOnTest = 0;
        double freshOnTest = 0;
        long base = HoldoutRun.derive(seed, RUN_STREAM);
        for (int r = 0; r < runs; r++) {
            HoldoutRun run = HoldoutRun.of(n, noise, trainFraction, validationFraction, HoldoutRun.derive(base, r), 0,
                    freshSize, DegreeSweep.MAX_DEGREE);
            DegreeSweep sweep = run.sweep();
            int dv = sweep.bestByValidation();
            int dt = sweep.bestByTest();
            honest[r] = sweep.freshError(dv) - sweep.testError(dv);
            onTest[r] = sweep.freshError(dt) - sweep.testError(dt);
            reportedHonest += sweep.testError(dv);
            freshHonest += sweep.freshError(dv);
            reportedOnTest += sweep.testError(dt);
            freshOnTest += sweep.freshError(dt);
        }
        return new Result(runs, honest, onTest, reportedHonest / runs, freshHonest / runs, reportedOnTest / runs,
                freshOnTest / runs);
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    static double standardError(double[] values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1) / values.length);
    }

    static double positiveShare(double[] values) {
        int k = 0;
        for (double v : values) {
            if (v > 0) {
                k++;
            }
        }
        return (double) k / values.length;
    }
}
