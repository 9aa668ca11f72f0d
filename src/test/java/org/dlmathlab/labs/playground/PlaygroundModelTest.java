package org.dlmathlab.labs.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaygroundModelTest {

    @Test
    void publishesTheNamedQuantities() {
        PlaygroundModel m = new PlaygroundModel();
        assertTrue(m.quantityNames().containsAll(List.of("epoch", "train_loss", "val_loss", "test_loss", "train_acc",
                "val_acc", "test_acc")));
        for (String p : m.parameterNames()) {
            assertEquals(m.param(p), m.quantity(p), p + " is also a quantity");
        }
        assertEquals(0, m.quantity("epoch"));
        assertEquals(240, m.quantity("n_train"));
        assertEquals(80, m.quantity("n_val"));
        assertEquals(80, m.quantity("n_test"));
        assertEquals(2 * 4 + 4 + 4 * 2 + 2, m.quantity("param_count"), "2-4-2 by default");
        assertThrows(IllegalArgumentException.class, () -> m.quantity("accuracy"));
    }

    @Test
    void eachStepIsAnEpochAndTheCircleIsLearnt() {
        PlaygroundModel m = new PlaygroundModel();
        double loss0 = m.quantity("train_loss");
        int[] fired = {0};
        m.changes().addListener(o -> fired[0]++);
        for (int e = 0; e < 40; e++) {
            m.step();
        }
        assertEquals(40, m.quantity("epoch"));
        assertEquals(40, fired[0], "one change per epoch");
        assertTrue(m.quantity("train_loss") < loss0 / 3);
        assertTrue(m.quantity("val_acc") > 0.95, "val acc " + m.quantity("val_acc"));
        assertEquals(41, m.historySize());
        assertEquals(m.quantity("val_loss"), m.history(1, 40));
        assertEquals(m.quantity("test_acc"), m.history(5, 40));
    }

    @Test
    void theSameSettingsGiveTheSameRun() {
        PlaygroundModel a = new PlaygroundModel();
        PlaygroundModel b = new PlaygroundModel();
        for (int e = 0; e < 15; e++) {
            a.step();
            b.step();
        }
        assertEquals(a.quantity("train_loss"), b.quantity("train_loss"));
        a.restart();
        for (int e = 0; e < 15; e++) {
            a.step();
        }
        assertEquals(b.quantity("val_loss"), a.quantity("val_loss"), "Restart replays the same seeded run");
    }

    @Test
    void dataAndShapeStartOverWhileRatesCarryOn() {
        PlaygroundModel m = new PlaygroundModel();
        for (int e = 0; e < 5; e++) {
            m.step();
        }
        m.setParameter("lr", 0.01);
        m.setParameter("batch", 32);
        m.setParameter("l2", 0.001);
        m.setParameter("optimizer", 1);
        assertEquals(5, m.quantity("epoch"), "training settings keep the run going");
        m.setParameter("h1", 6);
        assertEquals(0, m.quantity("epoch"), "a new shape starts over");
        assertEquals(2 * 6 + 6 + 6 * 2 + 2, m.quantity("param_count"));
        m.step();
        m.setParameter("dataset", 2);
        m.setParameter("classes", 4);
        assertEquals(0, m.quantity("epoch"));
        assertEquals(4, m.classes());
        assertEquals(2 * 6 + 6 + 6 * 4 + 4, m.quantity("param_count"), "one softmax output per class");
        m.setParameters(Map.of("layers", 3.0, "h2", 8.0, "h3", 2.0));
        assertEquals(6 + 8 + 2, m.quantity("hidden_units"));
    }

    @Test
    void badValuesAreRejectedWithTheirRange() {
        PlaygroundModel m = new PlaygroundModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("h1", 9));
        assertTrue(e.getMessage().contains("h1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("layers", 7));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("n", 20.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr", 0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("width", 1));
        assertEquals(4, m.param("h1"), "nothing changed");
    }

    @Test
    void ownPointsAreAddedUndoneAndCleared() {
        PlaygroundModel m = new PlaygroundModel();
        assertThrows(IllegalStateException.class, () -> m.addPoint(0, 0, 0));
        m.setParameter("dataset", PlaygroundModel.OWN_POINTS);
        assertEquals(0, m.points().size());
        assertEquals(false, m.canContinue(), "nothing to train on");
        assertTrue(Double.isNaN(m.quantity("train_loss")));
        for (int i = 0; i < 10; i++) {
            m.addPoint(i * 0.1, 1, i % 2);
        }
        assertEquals(10, m.points().size());
        assertEquals(1, m.points().label()[9]);
        assertEquals(0.9, m.points().x()[9][0], 1e-15);
        assertEquals(6, m.quantity("n_train"));
        assertTrue(m.canContinue());
        m.step();
        assertEquals(1, m.quantity("epoch"));
        m.undoPoint();
        assertEquals(9, m.points().size());
        assertEquals(0, m.quantity("epoch"), "the data changed: start over");
        m.clearPoints();
        assertEquals(0, m.ownPointCount());
    }

    @Test
    void earlyStoppingIsAQuantity() {
        PlaygroundModel m = new PlaygroundModel();
        m.setParameters(Map.of("n", 60.0, "noise", 0.5, "layers", 3.0, "h1", 8.0, "h2", 8.0, "h3", 8.0,
                "early_stop", 1.0, "patience", 10.0));
        int guard = 0;
        while (m.canContinue() && guard++ < 1000) {
            m.step();
        }
        assertEquals(1, m.quantity("stopped"));
        assertEquals(m.quantity("best_epoch") + 10, m.quantity("epoch"));
    }

    @Test
    void resetReturnsToTheLessonStart() {
        PlaygroundModel m = new PlaygroundModel();
        m.setDefaults(Map.of("layers", 0.0, "dataset", 1.0));
        assertEquals(6, m.quantity("param_count"), "2-2 without hidden layers");
        m.setParameter("layers", 2);
        m.step();
        m.reset();
        assertEquals(0, m.param("layers"));
        assertEquals(1, m.param("dataset"));
        assertEquals(0, m.quantity("epoch"));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("classes", 5.0)));
    }

    @Test
    void exportsCurvesAndPoints() {
        PlaygroundModel m = new PlaygroundModel();
        m.step();
        m.step();
        var series = m.dataSeries();
        assertEquals(3, series.get("curves").rows().size());
        assertEquals(List.of("x1", "x2", "class", "role"), series.get("points").columns());
        assertEquals(400, series.get("points").rows().size());
    }

    @Test
    void theDecisionMapAgreesWithTheNetwork() {
        PlaygroundModel m = new PlaygroundModel();
        for (int e = 0; e < 20; e++) {
            m.step();
        }
        int[] predicted = new int[4];
        float[] confidence = new float[4];
        m.decisionMap(-3, 3, -3, 3, 2, 2, predicted, confidence, null);
        double[] p = m.net().predict(new double[]{-1.5, 1.5});
        assertEquals(p[0] > p[1] ? 0 : 1, predicted[0]);
        assertNotEquals(0, confidence[0]);
    }

    @Test
    void theBenchmarkReportsEpochsPerSecond() {
        String report = PlaygroundModel.benchmark(20, 0);
        assertTrue(report.contains("epochs/s"), report);
        assertTrue(report.contains("2-8-8-2"), report);
    }
}
