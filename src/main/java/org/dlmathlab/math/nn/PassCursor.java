package org.dlmathlab.math.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a step-by-step walk through the 2-3-1 network has got to: the forward pass reveals one value at a time in the
 * order it is computed, the backward pass one derivative at a time in the order back-propagation computes it.
 *
 * <p>Forward (8 steps): z_h1, a_h1, z_h2, a_h2, z_h3, a_h3, o, L. Backward (20 steps): dL/do; dL/dw_h1_o,
 * dL/dw_h2_o, dL/dw_h3_o, dL/db_o; for each hidden unit dL/da_hj then dL/dz_hj; then for each hidden unit
 * dL/dw_x1_hj, dL/dw_x2_hj, dL/db_hj. Each derivative needs only ones revealed before it, which is the point of
 * going backwards: the blame for the loss is handed back one layer at a time.
 */
public final class PassCursor {

    /** What one step reveals. */
    public enum Kind { Z_HIDDEN, A_HIDDEN, OUT, LOSS, DL_DOUT, DL_DPARAM, DL_DA_HIDDEN, DL_DZ_HIDDEN }

    /**
     * One revealed item: a kind, the hidden unit it belongs to (0..2, or -1) and, for parameter gradients, the
     * parameter index in the notes' order (else -1).
     */
    public record Reveal(Kind kind, int unit, int parameter) {
    }

    /** The forward steps in order. */
    public static final List<Reveal> FORWARD;
    /** The backward steps in order. */
    public static final List<Reveal> BACKWARD;

    static {
        List<Reveal> f = new ArrayList<>();
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            f.add(new Reveal(Kind.Z_HIDDEN, j, -1));
            f.add(new Reveal(Kind.A_HIDDEN, j, -1));
        }
        f.add(new Reveal(Kind.OUT, -1, -1));
        f.add(new Reveal(Kind.LOSS, -1, -1));
        FORWARD = Collections.unmodifiableList(f);
        List<Reveal> b = new ArrayList<>();
        b.add(new Reveal(Kind.DL_DOUT, -1, -1));
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            b.add(new Reveal(Kind.DL_DPARAM, j, NotesRecipe.w2(j)));
        }
        b.add(new Reveal(Kind.DL_DPARAM, -1, NotesRecipe.B2));
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            b.add(new Reveal(Kind.DL_DA_HIDDEN, j, -1));
            b.add(new Reveal(Kind.DL_DZ_HIDDEN, j, -1));
        }
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            b.add(new Reveal(Kind.DL_DPARAM, j, NotesRecipe.w1(0, j)));
            b.add(new Reveal(Kind.DL_DPARAM, j, NotesRecipe.w1(1, j)));
            b.add(new Reveal(Kind.DL_DPARAM, j, NotesRecipe.b1(j)));
        }
        BACKWARD = Collections.unmodifiableList(b);
    }

    private int forward;
    private int backward;

    /** Forward steps revealed, 0..8. */
    public int forwardCount() {
        return forward;
    }

    /** Backward steps revealed, 0..20. */
    public int backwardCount() {
        return backward;
    }

    public boolean forwardDone() {
        return forward == FORWARD.size();
    }

    public boolean backwardDone() {
        return backward == BACKWARD.size();
    }

    /**
     * Reveals the next forward value and returns it. Once the pass is complete, the walk starts again: everything is
     * hidden and the first value shows.
     */
    public Reveal stepForward() {
        if (forwardDone()) {
            forward = 0;
            backward = 0;
        }
        return FORWARD.get(forward++);
    }

    /**
     * Reveals the next derivative and returns it; first completes the forward pass if needed (the derivatives need
     * its values). Returns null when the backward pass is already complete.
     */
    public Reveal stepBackward() {
        forward = FORWARD.size();
        if (backwardDone()) {
            return null;
        }
        return BACKWARD.get(backward++);
    }

    /** Completes the forward pass. */
    public void runForward() {
        forward = FORWARD.size();
    }

    /** Completes both passes. */
    public void runBackward() {
        forward = FORWARD.size();
        backward = BACKWARD.size();
    }

    /** Hides everything. */
    public void clear() {
        forward = 0;
        backward = 0;
    }

    /** Sets both counts (clamped), e.g. to restore a state. */
    public void set(int forwardCount, int backwardCount) {
        backward = Math.max(0, Math.min(BACKWARD.size(), backwardCount));
        forward = backward > 0 ? FORWARD.size() : Math.max(0, Math.min(FORWARD.size(), forwardCount));
    }

    /** Whether a forward or backward item has been revealed. */
    public boolean shows(Reveal item) {
        int f = FORWARD.indexOf(item);
        if (f >= 0) {
            return f < forward;
        }
        int b = BACKWARD.indexOf(item);
        return b >= 0 && b < backward;
    }

    public boolean showsZ(int unit) {
        return shows(new Reveal(Kind.Z_HIDDEN, unit, -1));
    }

    public boolean showsA(int unit) {
        return shows(new Reveal(Kind.A_HIDDEN, unit, -1));
    }

    public boolean showsOut() {
        return shows(new Reveal(Kind.OUT, -1, -1));
    }

    public boolean showsLoss() {
        return shows(new Reveal(Kind.LOSS, -1, -1));
    }

    public boolean showsDLdOut() {
        return shows(new Reveal(Kind.DL_DOUT, -1, -1));
    }

    public boolean showsDLda(int unit) {
        return shows(new Reveal(Kind.DL_DA_HIDDEN, unit, -1));
    }

    public boolean showsDLdz(int unit) {
        return shows(new Reveal(Kind.DL_DZ_HIDDEN, unit, -1));
    }

    /** Whether the gradient of parameter k (notes' order) has been revealed. */
    public boolean showsGradient(int k) {
        for (int b = 0; b < backward; b++) {
            if (BACKWARD.get(b).parameter() == k) {
                return true;
            }
        }
        return false;
    }

    /** The most recently revealed item, or null when nothing shows. */
    public Reveal current() {
        if (backward > 0) {
            return BACKWARD.get(backward - 1);
        }
        return forward > 0 ? FORWARD.get(forward - 1) : null;
    }
}
