package org.dlmathlab.math.calculus;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of one-input functions x -> u1 = g1(x) -> u2 = g2(u1) -> ... -> z = gn(u_{n-1}), the simplest computational
 * graph. Forward: each value from the one before. Backward, by the chain rule:
 * dz/dx = g_n'(u_{n-1}) * ... * g_2'(u_1) * g_1'(x), the product of the local derivatives along the path.
 *
 * <p>The notes' example is y = 2x, z = y^2, so dz/dx = 2y * 2 = 8x.
 */
public final class Chain {

    /** One link: its kind and parameter k (the factor, the addend, or the exponent; unused by the others). */
    public record Link(Kind kind, double k) {

        public double value(double u) {
            return kind.value(u, k);
        }

        public double derivative(double u) {
            return kind.derivative(u, k);
        }

        /** A short formula of the link in u, e.g. "2u", "u²", "σ(u)". */
        public String formula() {
            return kind.formula(k).replace("@", "u");
        }
    }

    /** The pieces a learner can chain, each with its value g(u) and local derivative g'(u). */
    public enum Kind {
        /** g(u) = k u, g' = k. */
        SCALE {
            double value(double u, double k) {
                return k * u;
            }

            double derivative(double u, double k) {
                return k;
            }

            String formula(double k) {
                return fmt(k) + "@";
            }
        },
        /** g(u) = u + k, g' = 1. */
        SHIFT {
            double value(double u, double k) {
                return u + k;
            }

            double derivative(double u, double k) {
                return 1;
            }

            String formula(double k) {
                return k < 0 ? "@ - " + fmt(-k) : "@ + " + fmt(k);
            }
        },
        /** g(u) = u^2, g' = 2u. */
        SQUARE {
            double value(double u, double k) {
                return u * u;
            }

            double derivative(double u, double k) {
                return 2 * u;
            }

            String formula(double k) {
                return "@²";
            }
        },
        /** g(u) = u^3, g' = 3u^2. */
        CUBE {
            double value(double u, double k) {
                return u * u * u;
            }

            double derivative(double u, double k) {
                return 3 * u * u;
            }

            String formula(double k) {
                return "@³";
            }
        },
        /** g(u) = sigma(u) = 1 / (1 + e^-u), g' = sigma(u) (1 - sigma(u)). */
        SIGMOID {
            double value(double u, double k) {
                return sigmoid(u);
            }

            double derivative(double u, double k) {
                double s = sigmoid(u);
                return s * (1 - s);
            }

            String formula(double k) {
                return "σ(@)";
            }
        },
        /** g(u) = tanh u, g' = 1 - tanh^2 u. */
        TANH {
            double value(double u, double k) {
                return Math.tanh(u);
            }

            double derivative(double u, double k) {
                double t = Math.tanh(u);
                return 1 - t * t;
            }

            String formula(double k) {
                return "tanh(@)";
            }
        },
        /** g(u) = e^u, g' = e^u. */
        EXP {
            double value(double u, double k) {
                return Math.exp(u);
            }

            double derivative(double u, double k) {
                return Math.exp(u);
            }

            String formula(double k) {
                return "exp(@)";
            }
        },
        /** g(u) = sin u, g' = cos u. */
        SIN {
            double value(double u, double k) {
                return Math.sin(u);
            }

            double derivative(double u, double k) {
                return Math.cos(u);
            }

            String formula(double k) {
                return "sin(@)";
            }
        },
        /** g(u) = max(0, u), g' = 1 for u > 0 and 0 for u < 0 (0 is taken at u = 0, as frameworks do). */
        RELU {
            double value(double u, double k) {
                return Math.max(0, u);
            }

            double derivative(double u, double k) {
                return u > 0 ? 1 : 0;
            }

            String formula(double k) {
                return "relu(@)";
            }
        };

        abstract double value(double u, double k);

        abstract double derivative(double u, double k);

        abstract String formula(double k);
    }

    /** The result of a forward and backward pass at one input. */
    public record Pass(double x, double[] values, double[] locals, double[] prefix, double derivative) {

        /** The output z. */
        public double output() {
            return values[values.length - 1];
        }
    }

    private final List<Link> links;

    public Chain(List<Link> links) {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one link");
        }
        this.links = List.copyOf(links);
    }

    public List<Link> links() {
        return links;
    }

    /** The notes' chain y = 2x, z = y^2. */
    public static Chain notesExample() {
        return new Chain(List.of(new Link(Kind.SCALE, 2), new Link(Kind.SQUARE, 0)));
    }

    /**
     * Forward then backward at x: values[0] = x, values[i] = g_i(values[i - 1]); locals[i - 1] = g_i'(values[i - 1]);
     * prefix[i] = d values[i] / dx = locals[i - 1] * prefix[i - 1], prefix[0] = 1; derivative = prefix[n].
     */
    public Pass at(double x) {
        int n = links.size();
        double[] values = new double[n + 1];
        double[] locals = new double[n];
        double[] prefix = new double[n + 1];
        values[0] = x;
        prefix[0] = 1;
        for (int i = 0; i < n; i++) {
            Link link = links.get(i);
            values[i + 1] = link.value(values[i]);
            locals[i] = link.derivative(values[i]);
            prefix[i + 1] = prefix[i] * locals[i];
        }
        return new Pass(x, values, locals, prefix, prefix[n]);
    }

    /** z(x), the composed function. */
    public double value(double x) {
        double u = x;
        for (Link link : links) {
            u = link.value(u);
        }
        return u;
    }

    /** The central-difference check (z(x + h) - z(x - h)) / (2h) with h = 1e-5 (max(1, |x|)). */
    public double numericalDerivative(double x) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        return DifferenceQuotient.central(this::value, x, h);
    }

    /** A readable formula of the composition in x, innermost first, e.g. "(2x)²". */
    public String formula() {
        String inner = "x";
        for (Link link : links) {
            // The template marks its input with '@' so that letters of names such as "relu" are never replaced.
            String template = link.kind().formula(link.k());
            // Brackets only where they matter: "u + k" binds loosest and "f(u)" already has its own.
            boolean bare = inner.equals("x") || template.contains("(@)") || link.kind() == Kind.SHIFT;
            inner = template.replace("@", bare ? inner : "(" + inner + ")");
        }
        return inner;
    }

    static double sigmoid(double u) {
        // Two forms so that neither e^-u nor e^u overflows for large |u|.
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double ex = Math.exp(u);
        return ex / (1 + ex);
    }

    static String fmt(double k) {
        return k == Math.rint(k) && Math.abs(k) < 1e9 ? Long.toString((long) k) : Double.toString(k);
    }

    /** All the values along the chain at x, as a list (for read-outs). */
    public List<Double> valuesAt(double x) {
        List<Double> out = new ArrayList<>();
        for (double v : at(x).values()) {
            out.add(v);
        }
        return out;
    }
}
