/**
 * Gradient descent and its descendants, as plain numbers: the model under the optimisation lessons.
 *
 * <p>{@link org.dlmathlab.math.optim.Descent1D} walks theta &lt;- theta - eta f'(theta) on a
 * {@link org.dlmathlab.math.optim.Function1} and names what the walk is doing ({@link org.dlmathlab.math.optim.Regime}).
 * {@link org.dlmathlab.math.optim.Race2D} runs several {@link org.dlmathlab.math.optim.Optimizer}s side by side on a
 * {@link org.dlmathlab.math.optim.Function2}, and {@link org.dlmathlab.math.optim.ContourGrid} samples a surface for
 * a filled contour map. This package has no dependency on any UI toolkit.
 */
package org.dlmathlab.math.optim;
