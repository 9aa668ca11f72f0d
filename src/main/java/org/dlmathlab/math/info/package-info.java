/**
 * Information measures of discrete distributions, as plain numbers: the model under the entropy lessons.
 *
 * <p>{@link org.dlmathlab.math.info.Entropy} gives the entropy H(P), the cross-entropy H(P, Q) and the KL divergence,
 * in bits and in nats. {@link org.dlmathlab.math.info.Distributions} builds and edits distributions: normalising
 * weights, the bar-drag rule that keeps the sum at 1, softmax of logits. This package has no dependency on any UI
 * toolkit.
 */
package org.dlmathlab.math.info;
