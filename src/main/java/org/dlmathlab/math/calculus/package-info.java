/** Derivatives as limits, numerical differentiation and chains of functions: pure numerics, no JavaFX. */
package org.dlmathlab.math.calculus;
