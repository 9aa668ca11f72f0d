package org.dlmathlab.labs.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.calculus.Chain;
import org.dlmathlab.math.calculus.ChainAdjoints;

/**
 * A chain of one-input links x -> u1 -> ... -> z that the learner builds from pieces, with its forward values, the
 * local derivative on each edge, the backward products dz/du_i and dz/dx checked against a central difference.
 *
 * <p>Parameters, applied by {@link #reset()} in this order: {@code preset} (0 the notes' 2x then square, 1 sigmoid(w x
 * + b), 2 (3x + 1)^2, 3 tanh of a square, 4 five sigmoids in a row), {@code kind1..kind6} (1 ×k, 2 +k, 3 square, 4
 * cube, 5 sigma, 6 tanh, 7 exp, 8 sin, 9 ReLU; setting kind_i replaces link i, or appends it when i is one past the
 * end), {@code links} (keeps the first n links), {@code k1..k6} (the factor or addend of a ×k or +k link, in
 * [-10, 10]; other links have none), {@code x} in [-5, 5] and {@code reveal} (0 nothing computed yet, 1 forward pass
 * shown, 2 backward pass shown too).
 *
 * <p>Quantities: {@code x z dzdx numeric error links preset reveal}, then per link i = 1..6 {@code u_i} (its value),
 * {@code local_i} (g_i'(u_{i-1})), {@code dzdu_i} (dz/du_i), {@code k_i} and {@code kind_i}; NaN beyond the chain
 * (and k_i is NaN for links without a parameter). An empty chain is z = x with dz/dx = 1.
 */
public final class ChainModel implements LabModel {

    public static final String ID = "chain";
    public static final int MAX_LINKS = 6;
    public static final double X_LIMIT = 5;
    public static final double K_LIMIT = 10;
    /** The kinds in the order of their codes 1..9 (code = index + 1). */
    public static final List<Chain.Kind> KINDS = List.of(Chain.Kind.values());

    /** The preset chains; k values are the defaults a preset brings. */
    public enum Preset {
        NOTES("notes", link(Chain.Kind.SCALE, 2), link(Chain.Kind.SQUARE, 0)),
        NEURON("neuron", link(Chain.Kind.SCALE, 2), link(Chain.Kind.SHIFT, -1), link(Chain.Kind.SIGMOID, 0)),
        AFFINE_SQUARE("affineSquare", link(Chain.Kind.SCALE, 3), link(Chain.Kind.SHIFT, 1),
                link(Chain.Kind.SQUARE, 0)),
        TANH_SQUARE("tanhSquare", link(Chain.Kind.SQUARE, 0), link(Chain.Kind.TANH, 0)),
        DEEP("deep", link(Chain.Kind.SIGMOID, 0), link(Chain.Kind.SIGMOID, 0), link(Chain.Kind.SIGMOID, 0),
                link(Chain.Kind.SIGMOID, 0), link(Chain.Kind.SIGMOID, 0));

        private final String key;
        private final List<Chain.Link> links;

        Preset(String key, Chain.Link... links) {
            this.key = key;
            this.links = List.of(links);
        }

        /** The i18n key suffix of the preset's name. */
        public String key() {
            return key;
        }

        public List<Chain.Link> links() {
            return links;
        }
    }

    private static Chain.Link link(Chain.Kind kind, double k) {
        return new Chain.Link(kind, k);
    }

    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;

    static {
        List<String> p = new ArrayList<>(List.of("preset"));
        for (int i = 1; i <= MAX_LINKS; i++) {
            p.add("kind" + i);
        }
        p.add("links");
        for (int i = 1; i <= MAX_LINKS; i++) {
            p.add("k" + i);
        }
        p.add("x");
        p.add("reveal");
        PARAMETERS = List.copyOf(p);
        List<String> q = new ArrayList<>(List.of("x", "z", "dzdx", "numeric", "error", "links", "preset", "reveal"));
        for (String prefix : List.of("u", "local", "dzdu", "k", "kind")) {
            for (int i = 1; i <= MAX_LINKS; i++) {
                q.add(prefix + i);
            }
        }
        QUANTITIES = List.copyOf(q);
    }

    private static final Map<String, Double> LAB_DEFAULTS = Map.of("preset", 0.0, "x", 1.0, "reveal", 0.0);

    private final ChangeSignal changes = new ChangeSignal();
    private final List<Chain.Link> links = new ArrayList<>();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private int preset;
    private double x = 1;
    private int reveal;
    // The pass at the current x, recomputed on every change (cheap: at most six links).
    private Chain chain;
    private Chain.Pass pass;
    private double[] adjoints;
    private double numeric;

    public ChainModel() {
        links.addAll(Preset.NOTES.links());
        recompute();
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** The links, first to last (a copy). */
    public List<Chain.Link> links() {
        return List.copyOf(links);
    }

    public int size() {
        return links.size();
    }

    public double x() {
        return x;
    }

    /** The preset in use, or -1 once the learner changed the chain's pieces. */
    public int preset() {
        return preset;
    }

    public int reveal() {
        return reveal;
    }

    /** The chain, or null while it is empty (then z = x). */
    public Chain chain() {
        return chain;
    }

    /** Values u_0 = x, u_1, ..., u_n = z. */
    public double[] values() {
        return pass == null ? new double[]{x} : pass.values().clone();
    }

    /** Local derivatives g_i'(u_{i-1}), i = 1..n (index i - 1). */
    public double[] locals() {
        return pass == null ? new double[0] : pass.locals().clone();
    }

    /** dz/du_i for i = 0..n; index 0 is dz/dx. */
    public double[] adjoints() {
        return adjoints.clone();
    }

    public double z() {
        return pass == null ? x : pass.output();
    }

    public double dzdx() {
        return pass == null ? 1 : pass.derivative();
    }

    /** The central-difference check of dz/dx. */
    public double numeric() {
        return numeric;
    }

    /** z at any input, for the plot of z(x). */
    public double valueAt(double input) {
        return chain == null ? input : chain.value(input);
    }

    /** Whether link i (0-based) has a parameter k. */
    public static boolean hasK(Chain.Kind kind) {
        return kind == Chain.Kind.SCALE || kind == Chain.Kind.SHIFT;
    }

    /** The default k of a freshly appended piece: ×2 and +1. */
    public static double defaultK(Chain.Kind kind) {
        return switch (kind) {
            case SCALE -> 2;
            case SHIFT -> 1;
            default -> 0;
        };
    }

    // ---- building (the view's buttons) ----------------------------------------------------------------------------

    /** Appends a piece with its default k; returns false (and changes nothing) when the chain is full. */
    public boolean append(Chain.Kind kind) {
        if (links.size() >= MAX_LINKS) {
            return false;
        }
        links.add(link(kind, defaultK(kind)));
        preset = -1;
        changed();
        return true;
    }

    /** Removes link i (0-based); the links after it move up one place. */
    public void remove(int index) {
        if (index < 0 || index >= links.size()) {
            return;
        }
        links.remove(index);
        preset = -1;
        changed();
    }

    public void removeLast() {
        remove(links.size() - 1);
    }

    /** Empties the chain: z = x. */
    public void clear() {
        if (links.isEmpty()) {
            return;
        }
        links.clear();
        preset = -1;
        changed();
    }

    /** Moves x, clamped to [-5, 5] (drags and arrow keys use this). */
    public void moveX(double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        x = Math.max(-X_LIMIT, Math.min(X_LIMIT, value));
        changed();
    }

    // ---- parameters ------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "preset" -> {
                int index = whole(name, value, 0, Preset.values().length - 1);
                links.clear();
                links.addAll(Preset.values()[index].links());
                preset = index;
            }
            case "links" -> {
                int n = whole(name, value, 0, MAX_LINKS);
                if (n > links.size()) {
                    throw new IllegalArgumentException("links can only shorten the chain: it has " + links.size()
                            + " links, not " + n + " (add pieces with kind" + (links.size() + 1) + ")");
                }
                if (n < links.size()) {
                    links.subList(n, links.size()).clear();
                    preset = -1;
                }
            }
            case "x" -> x = Parameters.requireInRange(name, value, -X_LIMIT, X_LIMIT);
            case "reveal" -> reveal = whole(name, value, 0, 2);
            default -> {
                if (name.startsWith("kind") && index(name, "kind") > 0) {
                    setKind(index(name, "kind"), whole(name, value, 1, KINDS.size()));
                } else if (name.startsWith("k") && index(name, "k") > 0) {
                    setK(index(name, "k"), value);
                } else {
                    throw Parameters.unknown(ID, name, PARAMETERS);
                }
            }
        }
        changed();
    }

    private void setKind(int i, int code) {
        if (i > links.size() + 1) {
            throw new IllegalArgumentException("kind" + i + " cannot be set: the chain has " + links.size()
                    + " links, so the next one is kind" + (links.size() + 1));
        }
        Chain.Kind kind = KINDS.get(code - 1);
        if (i == links.size() + 1) {
            links.add(link(kind, defaultK(kind)));
            preset = -1;
        } else if (links.get(i - 1).kind() != kind) {
            // Setting the kind a link already has keeps its k (and the preset); a new kind starts from its default.
            links.set(i - 1, link(kind, defaultK(kind)));
            preset = -1;
        }
    }

    private void setK(int i, double value) {
        if (i > links.size()) {
            throw new IllegalArgumentException("k" + i + " cannot be set: the chain has only " + links.size()
                    + " links");
        }
        Chain.Link old = links.get(i - 1);
        if (!hasK(old.kind())) {
            throw new IllegalArgumentException("link " + i + " (" + old.formula() + ") has no parameter k; only ×k and"
                    + " +k links have one");
        }
        links.set(i - 1, link(old.kind(), Parameters.requireInRange("k" + i, value, -K_LIMIT, K_LIMIT)));
    }

    /** Sets k of link i (0-based) from the view; out-of-range values throw with a readable message. */
    public void setLinkK(int index, double value) {
        setParameter("k" + (index + 1), value);
    }

    private static int index(String name, String prefix) {
        String digits = name.substring(prefix.length());
        if (digits.length() != 1 || digits.charAt(0) < '1' || digits.charAt(0) > '0' + MAX_LINKS) {
            return -1;
        }
        return digits.charAt(0) - '0';
    }

    private static int whole(String name, double value, int min, int max) {
        double v = Parameters.requireInRange(name, value, min, max);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not "
                    + value);
        }
        return (int) v;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        switch (name) {
            case "x":
                return x;
            case "z":
                return z();
            case "dzdx":
                return dzdx();
            case "numeric":
                return numeric;
            case "error":
                return Math.abs(dzdx() - numeric);
            case "links":
                return links.size();
            case "preset":
                return preset;
            case "reveal":
                return reveal;
            default:
                break;
        }
        for (String prefix : List.of("local", "dzdu", "kind", "u", "k")) {
            if (name.startsWith(prefix) && index(name, prefix) > 0) {
                return perLink(prefix, index(name, prefix));
            }
        }
        throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
    }

    private double perLink(String prefix, int i) {
        if (i > links.size()) {
            return Double.NaN;
        }
        Chain.Link link = links.get(i - 1);
        return switch (prefix) {
            case "u" -> pass.values()[i];
            case "local" -> pass.locals()[i - 1];
            case "dzdu" -> adjoints[i];
            case "k" -> hasK(link.kind()) ? link.k() : Double.NaN;
            default -> KINDS.indexOf(link.kind()) + 1;
        };
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        defaults = Parameters.mergeDefaults(ID, LAB_DEFAULTS, parameters, PARAMETERS);
        reset();
    }

    /** The lesson's start: the preset, then any kinds, length and k values it gives, then x and reveal. */
    @Override
    public void reset() {
        for (String name : PARAMETERS) {
            Double value = defaults.get(name);
            if (value != null) {
                setParameter(name, value);
            }
        }
    }

    private void changed() {
        recompute();
        changes.fire();
    }

    private void recompute() {
        if (links.isEmpty()) {
            chain = null;
            pass = null;
            adjoints = new double[]{1};
            numeric = 1;
        } else {
            chain = new Chain(links);
            pass = chain.at(x);
            adjoints = ChainAdjoints.of(pass);
            numeric = chain.numericalDerivative(x);
        }
    }
}
