package org.dlmathlab.math.selection;

import org.dlmathlab.math.data.ThreeWaySplit;

/**
 * One complete hold-out experiment: n points from {@link CurveSource}, split three ways, every degree fitted on the
 * training part ({@link DegreeSweep}), and a fresh sample from the same source to see how each fit really does.
 *
 * <p>Three independent random streams come from the one seed: the data, the shuffle of the split and the fresh
 * sample (the fresh one also takes a draw number, so "draw another fresh sample" changes only it). Each stream's seed
 * is a SplitMix64 mix of the seed and the stream number, so neighbouring seeds give unrelated data.
 */
public final class HoldoutRun {

    /** Points in a fresh sample: enough that its error is within a few percent of the expected error. */
    public static final int FRESH_SIZE = 2000;

    private static final long DATA_STREAM = 1;
    private static final long SPLIT_STREAM = 2;
    private static final long FRESH_STREAM = 3;

    private final CurveSource.Sample data;
    private final ThreeWaySplit split;
    private final CurveSource.Sample fresh;
    private final DegreeSweep sweep;
    private final double noise;

    private HoldoutRun(CurveSource.Sample data, ThreeWaySplit split, CurveSource.Sample fresh, DegreeSweep sweep,
                       double noise) {
        this.data = data;
        this.split = split;
        this.fresh = fresh;
        this.sweep = sweep;
        this.noise = noise;
    }

    /**
     * Draws, splits and fits.
     *
     * @throws IllegalArgumentException when a part of the split would get no point (see {@link ThreeWaySplit#of})
     */
    public static HoldoutRun of(int n, double noise, double trainFraction, double validationFraction, long seed,
                                long freshDraw, int freshSize, int maxDegree) {
        CurveSource.Sample data = CurveSource.draw(n, noise, derive(seed, DATA_STREAM));
        ThreeWaySplit split = ThreeWaySplit.of(n, trainFraction, validationFraction, derive(seed, SPLIT_STREAM));
        CurveSource.Sample fresh = CurveSource.draw(freshSize, noise, derive(derive(seed, FRESH_STREAM), freshDraw));
        DegreeSweep sweep = DegreeSweep.run(part(data, split, ThreeWaySplit.Part.TRAIN),
                part(data, split, ThreeWaySplit.Part.VALIDATION), part(data, split, ThreeWaySplit.Part.TEST), fresh,
                maxDegree);
        return new HoldoutRun(data, split, fresh, sweep, noise);
    }

    /** The points of one part of the split. */
    public static CurveSource.Sample part(CurveSource.Sample data, ThreeWaySplit split, ThreeWaySplit.Part part) {
        return new CurveSource.Sample(split.select(data.x(), part), split.select(data.y(), part));
    }

    /** SplitMix64 of seed and stream: a well-mixed 64-bit seed for one random stream. */
    public static long derive(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + (stream + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public CurveSource.Sample data() {
        return data;
    }

    public ThreeWaySplit split() {
        return split;
    }

    public CurveSource.Sample fresh() {
        return fresh;
    }

    public DegreeSweep sweep() {
        return sweep;
    }

    public CurveSource.Sample part(ThreeWaySplit.Part part) {
        return part(data, split, part);
    }

    /** The expected error of the degree-d fit on endless fresh data (sigma^2 + E[(p - f)^2], by quadrature). */
    public double expectedError(int degree) {
        return CurveSource.expectedError(sweep.fit(degree)::value, noise);
    }
}
