package org.dlmathlab.labs.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.dlmathlab.math.calculus.Chain;
import org.junit.jupiter.api.Test;

class ChainModelTest {

    private static ChainModel fresh(Map<String, Double> params) {
        ChainModel m = new ChainModel();
        m.setDefaults(params);
        return m;
    }

    @Test
    void theNotesChainGivesEightX() {
        ChainModel m = fresh(Map.of());
        assertEquals(0, m.quantity("preset"));
        assertEquals(2, m.quantity("links"));
        for (double x = -5; x <= 5; x += 0.25) {
            m.setParameter("x", x);
            assertEquals(2 * x, m.quantity("u1"), 1e-15);
            assertEquals(4 * x * x, m.quantity("z"), 1e-12);
            assertEquals(4 * x * x, m.quantity("u2"), 1e-12, "the last node is z");
            assertEquals(2, m.quantity("local1"));
            assertEquals(4 * x, m.quantity("local2"), 1e-12, "dz/dy = 2y = 4x");
            assertEquals(1, m.quantity("dzdu2"));
            assertEquals(4 * x, m.quantity("dzdu1"), 1e-12);
            assertEquals(8 * x, m.quantity("dzdx"), 1e-12);
            assertEquals(8 * x, m.quantity("numeric"), 1e-6 * Math.max(1, Math.abs(x)));
            assertTrue(m.quantity("error") < 1e-6);
            for (String beyond : List.of("u3", "local3", "dzdu3", "k3", "kind3", "u6", "local6")) {
                assertTrue(Double.isNaN(m.quantity(beyond)), beyond);
            }
        }
        assertEquals(2, m.quantity("k1"));
        assertTrue(Double.isNaN(m.quantity("k2")), "a square has no k");
        assertEquals(1, m.quantity("kind1"), "×k");
        assertEquals(3, m.quantity("kind2"), "square");
    }

    @Test
    void theNeuronPresetMatchesSigmaPrimeTimesW() {
        ChainModel m = fresh(Map.of("preset", 1.0, "k1", 1.5, "k2", -0.5, "x", 0.8));
        double s = 1 / (1 + Math.exp(-(1.5 * 0.8 - 0.5)));
        assertEquals(s, m.quantity("z"), 1e-15);
        assertEquals(s * (1 - s) * 1.5, m.quantity("dzdx"), 1e-15);
        assertEquals(s * (1 - s), m.quantity("dzdu2"), 1e-15, "the blame at w x + b is sigma'");
        assertEquals(1, m.quantity("preset"), "changing k keeps the preset");
    }

    /** The same composition differentiated by Commons Math's automatic differentiation. */
    private static DerivativeStructure reference(List<Chain.Link> links, int from, double u) {
        DerivativeStructure d = new DerivativeStructure(1, 1, 0, u);
        for (Chain.Link link : links.subList(from, links.size())) {
            d = switch (link.kind()) {
                case SCALE -> d.multiply(link.k());
                case SHIFT -> d.add(link.k());
                case SQUARE -> d.multiply(d);
                case CUBE -> d.pow(3);
                case SIGMOID -> d.negate().exp().add(1).reciprocal();
                case TANH -> d.tanh();
                case EXP -> d.exp();
                case SIN -> d.sin();
                case RELU -> d.getValue() > 0 ? d : d.multiply(0);
            };
        }
        return d;
    }

    @Test
    void randomChainsAgreeWithAutomaticDifferentiationAndTheCentralDifference() {
        Random random = new Random(2024);
        int checked = 0;
        for (int trial = 0; trial < 400; trial++) {
            ChainModel m = fresh(Map.of());
            m.clear();
            int length = 1 + random.nextInt(ChainModel.MAX_LINKS);
            for (int i = 1; i <= length; i++) {
                int code = 1 + random.nextInt(ChainModel.KINDS.size());
                m.setParameter("kind" + i, code);
                if (ChainModel.hasK(ChainModel.KINDS.get(code - 1))) {
                    m.setParameter("k" + i, Math.round((-2 + 4 * random.nextDouble()) * 10) / 10.0);
                }
            }
            m.setParameter("x", Math.round((-2 + 4 * random.nextDouble()) * 100) / 100.0);
            List<Chain.Link> links = m.links();
            double[] values = m.values();
            if (!Double.isFinite(m.quantity("z")) || Math.abs(m.quantity("z")) > 1e8) {
                continue;
            }
            DerivativeStructure whole = reference(links, 0, m.x());
            assertEquals(whole.getValue(), m.quantity("z"), 1e-12 * Math.max(1, Math.abs(whole.getValue())));
            double exact = whole.getPartialDerivative(1);
            assertEquals(exact, m.quantity("dzdx"), 1e-10 * Math.max(1, Math.abs(exact)), links + " at " + m.x());
            for (int i = 1; i <= links.size(); i++) {
                double blame = reference(links, i, values[i]).getPartialDerivative(1);
                assertEquals(blame, m.quantity("dzdu" + i), 1e-10 * Math.max(1, Math.abs(blame)), "dz/du" + i);
            }
            boolean nearCorner = false;
            for (int i = 0; i < links.size(); i++) {
                nearCorner |= links.get(i).kind() == Chain.Kind.RELU && Math.abs(values[i]) < 1e-3;
            }
            if (!nearCorner && Math.abs(exact) < 1e4) {
                // The check the lab shows: agreement to about the central difference's own accuracy.
                assertEquals(exact, m.quantity("numeric"), 1e-5 * Math.max(1, Math.abs(exact)), links.toString());
                checked++;
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void buildingAndRemovingLinks() {
        ChainModel m = fresh(Map.of());
        assertTrue(m.append(Chain.Kind.SIN));
        assertEquals(-1, m.quantity("preset"), "an edited chain is no preset");
        assertEquals(3, m.quantity("links"));
        assertEquals(Math.sin(4), m.quantity("z"), 1e-15);
        assertEquals(Math.cos(4) * 8, m.quantity("dzdx"), 1e-12);
        assertTrue(m.append(Chain.Kind.SHIFT));
        assertEquals(1, m.quantity("k4"), "a new +k starts at +1");
        assertTrue(m.append(Chain.Kind.RELU));
        assertTrue(m.append(Chain.Kind.SCALE));
        assertEquals(2, m.quantity("k6"), "a new ×k starts at ×2");
        assertFalse(m.append(Chain.Kind.EXP), "six links at most");
        assertEquals(6, m.quantity("links"));
        m.remove(0);
        // Without ×2 first: z = 2 relu(sin(x^2) + 1).
        assertEquals(5, m.quantity("links"));
        assertEquals(3, m.quantity("kind1"));
        assertEquals(2 * Math.max(0, Math.sin(1) + 1), m.quantity("z"), 1e-15);
        m.removeLast();
        assertEquals(4, m.quantity("links"));
        assertEquals(9, m.quantity("kind4"), "ReLU is last now");
        m.clear();
        assertEquals(0, m.quantity("links"));
        assertEquals(m.x(), m.quantity("z"));
        assertEquals(1, m.quantity("dzdx"), "z = x");
        assertEquals(1, m.quantity("numeric"));
        assertTrue(Double.isNaN(m.quantity("u1")));
        m.removeLast();
        assertEquals(0, m.quantity("links"), "removing from an empty chain does nothing");
    }

    @Test
    void parametersBuildChainsAndRejectWhatCannotBe() {
        ChainModel m = fresh(Map.of());
        m.setParameter("kind3", 5);
        assertEquals(3, m.quantity("links"), "kind3 appends a sigmoid after the notes' two links");
        assertEquals(-1, m.quantity("preset"));
        m.setParameter("kind1", 2);
        assertEquals(1, m.quantity("k1"), "a swapped-in +k starts at +1");
        m.setParameter("links", 1);
        assertEquals(1, m.quantity("links"));
        m.setParameter("k2", 4);
        assertTrue(Double.isNaN(m.quantity("k2")), "an override that does not fit waits unused");
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("kind2", 10));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("kind2", 1.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k1", 11));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("links", 7));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("x", 5.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("reveal", 3));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k7", 1));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("kindx", 1));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k1", Double.NaN));
        m.choosePreset(3);
        assertEquals(3, m.quantity("preset"), "a preset picked in the lab drops the overrides");
        assertEquals(2, m.quantity("links"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setLinkK(0, 2));
        assertTrue(e.getMessage().contains("no parameter k"), e.getMessage());
        assertEquals(3, m.quantity("preset"), "a rejected value changes nothing");
    }

    /** Lesson files hand parameters over in no fixed order; every order must build the same chain. */
    @Test
    void parametersMeanTheSameInAnyOrder() {
        List<List<Map.Entry<String, Double>>> orders = List.of(
                List.of(Map.entry("preset", 1.0), Map.entry("kind3", 9.0), Map.entry("k2", -3.0)),
                List.of(Map.entry("k2", -3.0), Map.entry("kind3", 9.0), Map.entry("preset", 1.0)),
                List.of(Map.entry("kind3", 9.0), Map.entry("k2", -3.0), Map.entry("preset", 1.0)));
        for (List<Map.Entry<String, Double>> order : orders) {
            ChainModel m = fresh(Map.of("preset", 3.0));
            order.forEach(p -> m.setParameter(p.getKey(), p.getValue()));
            assertEquals(3, m.quantity("links"), order.toString());
            assertEquals(List.of(Chain.Kind.SCALE, Chain.Kind.SHIFT, Chain.Kind.RELU),
                    m.links().stream().map(Chain.Link::kind).toList(), order.toString());
            assertEquals(2, m.quantity("k1"));
            assertEquals(-3, m.quantity("k2"));
            assertEquals(0, m.quantity("dzdx"), "relu(2 - 3) is flat");
        }
        ChainModel a = fresh(Map.of());
        a.setParameter("k3", 0.5);
        a.setParameter("kind3", 2);
        ChainModel b = fresh(Map.of());
        b.setParameter("kind3", 2);
        b.setParameter("k3", 0.5);
        assertEquals(0.5, a.quantity("k3"), "k3 waited for its +k link");
        assertEquals(b.quantity("z"), a.quantity("z"));
    }

    @Test
    void editsInTheLabTakeTheChainAsItStands() {
        ChainModel m = fresh(Map.of("preset", 1.0, "k1", 3.0));
        m.setLinkK(1, 0.5);
        assertEquals(3, m.quantity("k1"), "the lesson's k1 stays");
        assertEquals(0.5, m.quantity("k2"));
        assertEquals(1, m.quantity("preset"), "changing k keeps the preset");
        m.setParameter("preset", 0);
        assertEquals(2, m.quantity("k1"), "a later preset starts from its own k, since the edit used the override up");
    }

    @Test
    void resetReturnsToTheLessonsStart() {
        ChainModel m = fresh(Map.of("preset", 2.0, "k1", -1.0, "x", 0.5, "reveal", 1.0));
        // (−x + 1)^2 at 0.5: z = 0.25, dz/dx = 2(−x + 1)(−1) = −1.
        assertEquals(0.25, m.quantity("z"), 1e-15);
        assertEquals(-1, m.quantity("dzdx"), 1e-15);
        m.append(Chain.Kind.EXP);
        m.moveX(3);
        m.setParameter("reveal", 2);
        m.reset();
        assertEquals(3, m.quantity("links"));
        assertEquals(2, m.quantity("preset"));
        assertEquals(-1, m.quantity("k1"));
        assertEquals(0.5, m.quantity("x"));
        assertEquals(1, m.quantity("reveal"));
        m.moveX(12);
        assertEquals(ChainModel.X_LIMIT, m.x(), "drags are clamped to [-5, 5]");
    }

    @Test
    void fiveSigmoidsInARowMakeAVanishingProduct() {
        ChainModel m = fresh(Map.of("preset", 4.0, "x", 0.0));
        double u = 0;
        double product = 1;
        for (int i = 1; i <= 5; i++) {
            double s = 1 / (1 + Math.exp(-u));
            product *= s * (1 - s);
            assertEquals(s * (1 - s), m.quantity("local" + i), 1e-15);
            assertTrue(m.quantity("local" + i) <= 0.25);
            u = s;
        }
        assertEquals(product, m.quantity("dzdx"), 1e-17);
        assertTrue(m.quantity("dzdx") < Math.pow(0.25, 5) + 1e-12, "at most 0.25^5 ≈ 0.001");
        assertTrue(m.quantity("dzdx") > 0);
    }

    @Test
    void overflowStaysInTheQuantitiesAndNeverThrows() {
        ChainModel m = fresh(Map.of("x", 5.0));
        m.clear();
        m.append(Chain.Kind.EXP);
        m.append(Chain.Kind.EXP);
        m.append(Chain.Kind.EXP);
        assertTrue(Double.isInfinite(m.quantity("z")), "e^(e^(e^5)) is beyond double range");
        assertEquals(3, m.quantity("links"));
    }
}
