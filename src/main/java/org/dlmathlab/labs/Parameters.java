package org.dlmathlab.labs;

/** Shared checks for parameter values, so every lab words its errors the same way. */
public final class Parameters {

    private Parameters() {
    }

    /** Returns value if it is finite and within [min, max]; else throws with a message naming the parameter. */
    public static double requireInRange(String name, double value, double min, double max) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + format(min) + " and " + format(max) + ", not " + format(value));
        }
        return value;
    }

    public static IllegalArgumentException unknown(String labId, String name, Iterable<String> known) {
        return new IllegalArgumentException(
                "the " + labId + " lab has no parameter '" + name + "' (it has: " + String.join(", ", known) + ")");
    }

    /**
     * The lab's own defaults overlaid with a lesson's starting parameters; an unknown name is rejected.
     */
    public static java.util.Map<String, Double> mergeDefaults(String labId, java.util.Map<String, Double> labDefaults,
                                                              java.util.Map<String, Double> given,
                                                              java.util.List<String> names) {
        java.util.Map<String, Double> merged = new java.util.HashMap<>(labDefaults);
        given.forEach((name, value) -> {
            if (!names.contains(name)) {
                throw unknown(labId, name, names);
            }
            merged.put(name, value);
        });
        return merged;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
