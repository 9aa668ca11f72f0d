/** The normal distribution, seeded sampling, running moments and maximum likelihood: pure numerics, no JavaFX. */
package org.dlmathlab.math.stats;
