/**
 * A safe evaluator for the formulas that learners type and lesson authors write.
 *
 * <p>{@link org.dlmathlab.math.expr.Expression} parses a small arithmetic/logic language into an
 * immutable tree of nodes; nothing in a formula can run code, and only the whitelisted constants and
 * functions plus the variables the caller declares can be named. Problems are reported as an
 * {@link org.dlmathlab.math.expr.ExpressionException} with a kind, a position and a friendly sentence.
 * {@link org.dlmathlab.math.expr.Equivalence} checks a learner's answer against a reference formula by
 * sampling. This package has no dependency on any UI toolkit.
 */
package org.dlmathlab.math.expr;
