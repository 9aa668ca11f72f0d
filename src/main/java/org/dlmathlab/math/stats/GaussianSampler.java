package org.dlmathlab.math.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws from N(mu, sigma^2) with a seeded generator (Commons Math's Well19937c), so a seed always gives the same
 * samples: the lab's pictures and the exercises' numbers are repeatable.
 */
public final class GaussianSampler {

    private final NormalDistribution distribution;

    public GaussianSampler(Gaussian gaussian, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        distribution = new NormalDistribution(rng, gaussian.mu(), gaussian.sigma(),
                NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    public double next() {
        return distribution.sample();
    }

    public double[] next(int count) {
        return distribution.sample(count);
    }
}
