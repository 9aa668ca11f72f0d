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
 * <p>Parameters: {@code preset} (0 the notes' 2x then square, 1 sigmoid(w x + b), 2 (3x + 1)^2, 3 tanh of a square,
 * 4 five sigmoids in a row), {@code kind1..kind6} (1 ×k, 2 +k, 3 square, 4 cube, 5 sigma, 6 tanh, 7 exp, 8 sin,
 * 9 ReLU), {@code links} (keep the first n links), {@code k1..k6} (the factor or addend of a ×k or +k link, in
 * [-10, 10]), {@code x} in [-5, 5] and {@code reveal} (0 nothing computed yet, 1 forward pass shown, 2 backward too).
 *
 * <p>Lesson files apply parameters in no fixed order, so they must mean the same in any order. {@code preset} sets
 * the base chain; {@code kind_i}, {@code links} and {@code k_i} are overrides laid on top of whatever base is in use,
 * always in the same order: kinds by index (kind_i replaces link i, or appends it when i is one past the end), then
 * the length, then the k values. An override that does not fit the chain (k_i on a link without k, kind_i beyond one
 * past the end) waits, unused, until it fits. Overrides last until {@link #reset()}, a preset chosen in the lab
 * ({@link #choosePreset}) or an edit in the lab, which takes the chain as it stands as the new base.
 *
 * <p>Quantities: {@code x z dzdx numeric error links preset reveal}, then per link i = 1..6 {@code u_i} (its value;
 * u_n is z), {@code local_i} (g_i'(u_{i-1})), {@code dzdu_i} (dz/du_i), {@code k_i} and {@code kind_i}; NaN beyond
 * the chain (and k_i is NaN for links without a parameter). {@code preset} is -1 once the pieces differ from the
 * preset's (changing k keeps it). An empty chain is z = x with dz/dx = 1.
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
    /** The base chain: a preset's links, or the learner's own once edited in the lab. */
    private final List<Chain.Link> base = new ArrayList<>();
    /** The effective chain: the base with the parameter overrides applied. */
    private final List<Chain.Link> links = new ArrayList<>();
    private final int[] kindOverride = new int[MAX_LINKS + 1];
    private final double[] kOverride = new double[MAX_LINKS + 1];
    private int linksOverride = -1;
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private int basePreset;
    private double x = 1;
    private int reveal;
    // The pass at the current x, recomputed on every change (cheap: at most six links).
    private Chain chain;
    private Chain.Pass pass;
    private double[] adjoints;
    private double numeric;

    public ChainModel() {
        clearOverrides();
        base.addAll(Preset.NOTES.links());
        rebuild();
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

    /** The preset in use, or -1 once the chain's pieces differ from it (its k values may differ). */
    public int preset() {
        if (basePreset < 0) {
            return -1;
        }
        List<Chain.Link> p = Preset.values()[basePreset].links();
        if (p.size() != links.size()) {
            return -1;
        }
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).kind() != links.get(i).kind()) {
                return -1;
            }
        }
        return basePreset;
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
        bake();
        base.add(link(kind, defaultK(kind)));
        changed();
        return true;
    }

    /** Removes link i (0-based); the links after it move up one place. */
    public void remove(int index) {
        if (index < 0 || index >= links.size()) {
            return;
        }
        bake();
        base.remove(index);
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
        bake();
        base.clear();
        changed();
    }

    /** A preset picked in the lab: its pieces with their own k values, no overrides. */
    public void choosePreset(int index) {
        setParameter("preset", index);
        clearOverrides();
        changed();
    }

    /** Sets k of link i (0-based) from the lab; out-of-range values and links without k throw with a message. */
    public void setLinkK(int index, double value) {
        if (index < 0 || index >= links.size() || !hasK(links.get(index).kind())) {
            throw new IllegalArgumentException("link " + (index + 1) + " has no parameter k");
        }
        double k = Parameters.requireInRange("k" + (index + 1), value, -K_LIMIT, K_LIMIT);
        bake();
        base.set(index, link(base.get(index).kind(), k));
        changed();
    }

    /** An edit in the lab: the chain as it stands becomes the base, and the overrides are used up. */
    private void bake() {
        base.clear();
        base.addAll(links);
        clearOverrides();
    }

    private void clearOverrides() {
        java.util.Arrays.fill(kindOverride, 0);
        java.util.Arrays.fill(kOverride, Double.NaN);
        linksOverride = -1;
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
                base.clear();
                base.addAll(Preset.values()[index].links());
                basePreset = index;
            }
            case "links" -> linksOverride = whole(name, value, 0, MAX_LINKS);
            case "x" -> x = Parameters.requireInRange(name, value, -X_LIMIT, X_LIMIT);
            case "reveal" -> reveal = whole(name, value, 0, 2);
            default -> {
                if (name.startsWith("kind") && index(name, "kind") > 0) {
                    kindOverride[index(name, "kind")] = whole(name, value, 1, KINDS.size());
                } else if (name.startsWith("k") && index(name, "k") > 0) {
                    kOverride[index(name, "k")] = Parameters.requireInRange(name, value, -K_LIMIT, K_LIMIT);
                } else {
                    throw Parameters.unknown(ID, name, PARAMETERS);
                }
            }
        }
        changed();
    }

    /** The base with the overrides applied in their fixed order: kinds by index, then the length, then k. */
    private void applyOverrides() {
        links.clear();
        links.addAll(base);
        for (int i = 1; i <= MAX_LINKS; i++) {
            if (kindOverride[i] == 0) {
                continue;
            }
            Chain.Kind kind = KINDS.get(kindOverride[i] - 1);
            if (i <= links.size()) {
                if (links.get(i - 1).kind() != kind) {
                    links.set(i - 1, link(kind, defaultK(kind)));
                }
            } else if (i == links.size() + 1) {
                links.add(link(kind, defaultK(kind)));
            }
        }
        if (linksOverride >= 0 && linksOverride < links.size()) {
            links.subList(linksOverride, links.size()).clear();
        }
        for (int i = 1; i <= links.size(); i++) {
            Chain.Link l = links.get(i - 1);
            if (!Double.isNaN(kOverride[i]) && hasK(l.kind())) {
                links.set(i - 1, link(l.kind(), kOverride[i]));
            }
        }
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
                return preset();
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

    /** The lesson's start: its parameters on a chain without overrides. */
    @Override
    public void reset() {
        clearOverrides();
        for (String name : PARAMETERS) {
            Double value = defaults.get(name);
            if (value != null) {
                setParameter(name, value);
            }
        }
    }

    private void changed() {
        rebuild();
        changes.fire();
    }

    private void rebuild() {
        applyOverrides();
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
