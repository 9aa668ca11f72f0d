/**
 * Straight-line regression as the study notes teach it: a {@link org.dlmathlab.math.regression.Dataset} of (x, y)
 * points (generated on y = 3x + 1 plus noise, or read with {@link org.dlmathlab.math.regression.Csv}), and
 * {@link org.dlmathlab.math.regression.LinearRegression}, which trains w and b by full-batch or mini-batch gradient
 * descent on the mean squared error and also gives the exact answer of the normal equation. This package has no
 * dependency on any UI toolkit.
 */
package org.dlmathlab.math.regression;
