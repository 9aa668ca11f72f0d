package org.dlmathlab.labs.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dlmathlab.math.calculus.Chain;
import org.junit.jupiter.api.Test;

class ChainTextTest {

    private static Chain.Link l(Chain.Kind kind, double k) {
        return new Chain.Link(kind, k);
    }

    @Test
    void compositionsGetBracketsOnlyWhereNeeded() {
        assertEquals("(2x)²", ChainText.composed(ChainModel.Preset.NOTES.links()));
        assertEquals("σ(2x − 1)", ChainText.composed(ChainModel.Preset.NEURON.links()));
        assertEquals("(3x + 1)²", ChainText.composed(ChainModel.Preset.AFFINE_SQUARE.links()));
        assertEquals("tanh(x²)", ChainText.composed(ChainModel.Preset.TANH_SQUARE.links()));
        assertEquals("2(x + 1)", ChainText.composed(List.of(l(Chain.Kind.SHIFT, 1), l(Chain.Kind.SCALE, 2))));
        assertEquals("−x² + 0.5", ChainText.composed(List.of(l(Chain.Kind.SQUARE, 0), l(Chain.Kind.SCALE, -1),
                l(Chain.Kind.SHIFT, 0.5))));
        assertEquals("(x²)³", ChainText.composed(List.of(l(Chain.Kind.SQUARE, 0), l(Chain.Kind.CUBE, 0))));
        assertEquals("3(−2x)", ChainText.composed(List.of(l(Chain.Kind.SCALE, -2), l(Chain.Kind.SCALE, 3))));
        assertEquals("x", ChainText.composed(List.of()));
    }

    @Test
    void localDerivativesReuseForwardValuesAndValuesKeepTheirDigits() {
        assertEquals("z(1 − z)", ChainText.localFormula(l(Chain.Kind.SIGMOID, 0), "u₂", "z", 0.3));
        assertEquals("0 (u₁ ≤ 0)", ChainText.localFormula(l(Chain.Kind.RELU, 0), "u₁", "u₂", -0.2));
        assertEquals("0.000486", ChainText.value(0.00048614));
        assertEquals("(−0.5)", ChainText.factor(-0.5));
        assertEquals("u₃", ChainText.node(3, 5));
        assertEquals("z", ChainText.node(5, 5));
    }
}
