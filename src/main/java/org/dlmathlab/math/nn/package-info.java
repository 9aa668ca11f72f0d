/** Neurons, activations, losses and small dense networks with back-propagation: pure numerics, no JavaFX. */
package org.dlmathlab.math.nn;
