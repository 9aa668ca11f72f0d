package org.dlmathlab.labs.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EntropyModelTest {

    private static double sum(EntropyModel m, String prefix) {
        double s = 0;
        for (int i = 1; i <= m.outcomes(); i++) {
            s += m.quantity(prefix + i);
        }
        return s;
    }

    @Test
    void weightsAreNormalisedWhateverOrderTheyAreSetIn() {
        EntropyModel a = new EntropyModel();
        a.setDefaults(Map.of("k", 3.0, "p1", 2.0, "p2", 1.0, "p3", 1.0));
        assertEquals(0.5, a.quantity("p1"), 1e-15);
        assertEquals(0.25, a.quantity("p3"), 1e-15);
        assertEquals(1.5, a.quantity("entropy"), 1e-12);
        assertEquals(Math.log(3) / Math.log(2), a.quantity("max_entropy"), 1e-15);
        assertTrue(Double.isNaN(a.quantity("p4")), "NaN beyond k");
        assertTrue(Double.isNaN(a.quantity("q8")));
        EntropyModel b = new EntropyModel();
        b.setParameter("p3", 1);
        b.setParameter("p1", 2);
        b.setParameter("p2", 1);
        b.setParameter("k", 3);
        assertEquals(a.quantities(), b.quantities());
    }

    @Test
    void readOutsMatchClosedForms() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 2.0, "p1", 1.0, "p2", 1.0, "q1", 1.0, "q2", 3.0));
        assertEquals(1, m.quantity("entropy"), 1e-15);
        // H(P, Q) = -(1/2) log2(1/4) - (1/2) log2(3/4)
        double ce = 0.5 * 2 - 0.5 * Math.log(0.75) / Math.log(2);
        assertEquals(ce, m.quantity("cross_entropy"), 1e-12);
        assertEquals(ce - 1, m.quantity("kl"), 1e-12);
        assertEquals(m.quantity("kl") * Math.log(2), m.quantity("kl_nats"), 1e-12);
        assertEquals(1, m.quantity("finite"));
    }

    @Test
    void draggingABarKeepsTheSumAtOne() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 5.0));
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.dragP(2, 0.7);
        assertEquals(1, fired.get(), "one drag, one signal");
        assertEquals(0.7, m.quantity("p3"), 1e-15);
        assertEquals(1, sum(m, "p"), 1e-12);
        m.dragP(2, 1);
        assertEquals(0, m.quantity("entropy"), 1e-15, "certain");
        m.dragP(2, 0.2);
        assertEquals(0.2, m.quantity("p1"), 1e-15, "from certainty the rest is shared equally");
        m.dragQ(0, 0);
        assertEquals(0, m.quantity("q1"));
        assertEquals(1, sum(m, "q"), 1e-12);
        for (int i = 1; i <= 5; i++) {
            assertTrue(m.quantity("p" + i) >= 0 && m.quantity("q" + i) >= 0);
        }
    }

    @Test
    void aZeroInQWhereSomethingHappensIsInfiniteAndSaysSo() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 3.0, "q1", 0.0, "true_class", 1.0));
        assertEquals(0, m.quantity("finite"));
        assertEquals(Double.POSITIVE_INFINITY, m.quantity("cross_entropy"));
        assertEquals(Double.POSITIVE_INFINITY, m.quantity("kl"));
        assertEquals(Double.POSITIVE_INFINITY, m.quantity("loss_nats"));
        m.dragP(0, 0);
        assertEquals(1, m.quantity("finite"), "P no longer produces outcome 1");
    }

    @Test
    void classifierModeIsAOneHotLabelAgainstASoftmax() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 3.0, "classifier", 1.0, "true_class", 2.0, "z1", 1.0, "z2", 2.0, "z3", 0.5));
        double denom = Math.exp(1) + Math.exp(2) + Math.exp(0.5);
        double qTrue = Math.exp(2) / denom;
        assertEquals(0, m.quantity("entropy"));
        assertEquals(1, m.quantity("p2"));
        assertEquals(qTrue, m.quantity("q_true"), 1e-15);
        assertEquals(-Math.log(qTrue), m.quantity("loss_nats"), 1e-12);
        assertEquals(-Math.log(qTrue) / Math.log(2), m.quantity("loss_bits"), 1e-12);
        assertEquals(m.quantity("loss_bits"), m.quantity("cross_entropy"), 1e-12, "H(P,Q) = -log2 q_true");
        assertEquals(m.quantity("cross_entropy"), m.quantity("kl"), 1e-12);
        // Dragging Q's true bar moves only its logit; the rest keep their proportions.
        double ratio = m.quantity("q1") / m.quantity("q3");
        m.dragQ(1, 0.9);
        assertEquals(0.9, m.quantity("q_true"), 1e-12);
        assertEquals(ratio, m.quantity("q1") / m.quantity("q3"), 1e-12);
        assertEquals(1, m.quantity("z1"), 1e-15);
        // Past the logit limit the other logits shift instead.
        m.dragQ(1, 1);
        assertTrue(m.quantity("q_true") > 0.999999);
        assertTrue(Math.abs(m.quantity("z2")) <= EntropyModel.LOGIT_LIMIT);
    }

    @Test
    void switchingClassifierModeCarriesQOver() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 3.0, "q1", 0.5, "q2", 0.3, "q3", 0.2));
        m.setClassifierMode(true);
        assertEquals(0.5, m.quantity("q1"), 1e-12);
        assertEquals(0.2, m.quantity("q3"), 1e-12);
        m.setLogit(0, 3);
        double q1 = m.quantity("q1");
        m.setClassifierMode(false);
        assertEquals(q1, m.quantity("q1"), 1e-12);
    }

    @Test
    void changingKGivesNewOutcomesTheAverageShare() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 2.0, "p1", 3.0, "p2", 1.0));
        m.setOutcomes(3);
        assertEquals(3, m.quantity("k"));
        assertEquals(0.75 / 1.5, m.quantity("p1"), 1e-12);
        assertEquals(0.5 / 1.5, m.quantity("p3"), 1e-12);
        m.setTrueClass(3);
        m.setOutcomes(2);
        assertEquals(2, m.quantity("true_class"));
        assertEquals(1, sum(m, "p"), 1e-12);
    }

    @Test
    void resetReturnsToTheLessonStartAndBadParametersAreRefused() {
        EntropyModel m = new EntropyModel();
        m.setDefaults(Map.of("k", 3.0, "p1", 1.0, "p2", 0.0, "p3", 0.0));
        Map<String, Double> start = m.quantities();
        m.dragP(1, 0.5);
        m.setOutcomes(6);
        m.setClassifierMode(true);
        m.reset();
        assertEquals(start, m.quantities());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k", 9));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k", 2.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("p1", -1));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("z1", 11));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("p9", 1));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("e", 1));
        assertThrows(IllegalArgumentException.class, () -> m.dragP(3, 0.5), "only k bars");
        assertEquals(start, m.quantities(), "refused values change nothing");
    }
}
