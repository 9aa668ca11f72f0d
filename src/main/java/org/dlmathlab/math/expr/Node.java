package org.dlmathlab.math.expr;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * One immutable node of a parsed formula. Evaluating reads variables by index from an array, so no
 * lookups by name happen while a formula is evaluated.
 *
 * <p>Truth values are numbers: a value is true when it is neither 0 nor NaN, and the logic nodes
 * produce exactly 1.0 or 0.0.
 */
sealed interface Node permits Node.Num, Node.Var, Node.Neg, Node.Not, Node.Unary, Node.Binary, Node.Fold {

    /** Evaluates this node with the given variable values (indexed like the expression's variables). */
    double eval(double[] vars);

    /** @return whether {@code value} counts as true: not 0 and not NaN */
    static boolean truthy(double value) {
        return value != 0 && !Double.isNaN(value);
    }

    /** A number or constant. */
    record Num(double value) implements Node {
        @Override
        public double eval(double[] vars) {
            return value;
        }
    }

    /** A variable, read from slot {@code index}. */
    record Var(int index) implements Node {
        @Override
        public double eval(double[] vars) {
            return vars[index];
        }
    }

    /** Unary minus: {@code -a}. */
    record Neg(Node a) implements Node {
        @Override
        public double eval(double[] vars) {
            return -a.eval(vars);
        }
    }

    /** Logical not: 1 when {@code a} is false (0 or NaN), else 0. */
    record Not(Node a) implements Node {
        @Override
        public double eval(double[] vars) {
            return truthy(a.eval(vars)) ? 0 : 1;
        }
    }

    /** A one-input function such as {@code sin}. */
    record Unary(DoubleUnaryOperator f, Node a) implements Node {
        @Override
        public double eval(double[] vars) {
            return f.applyAsDouble(a.eval(vars));
        }
    }

    /** A two-input operator or function such as {@code +} or {@code atan2}. */
    record Binary(DoubleBinaryOperator f, Node a, Node b) implements Node {
        @Override
        public double eval(double[] vars) {
            return f.applyAsDouble(a.eval(vars), b.eval(vars));
        }
    }

    /** A function of two or more inputs folded left to right, such as {@code max(a, b, c)}. */
    record Fold(DoubleBinaryOperator f, Node[] args) implements Node {
        @Override
        public double eval(double[] vars) {
            double acc = args[0].eval(vars);
            for (int i = 1; i < args.length; i++) {
                acc = f.applyAsDouble(acc, args[i].eval(vars));
            }
            return acc;
        }
    }
}
