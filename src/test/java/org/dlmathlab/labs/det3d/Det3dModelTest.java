package org.dlmathlab.labs.det3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.dlmathlab.math.linalg.Matrix3;
import org.junit.jupiter.api.Test;

class Det3dModelTest {

    private static void set(Det3dModel model, Matrix3 m) {
        double[][] rows = m.toArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                model.setParameter("m" + (i + 1) + (j + 1), rows[i][j]);
            }
        }
    }

    @Test
    void quantitiesFollowTheEntries() {
        Det3dModel model = new Det3dModel();
        assertEquals(List.of("m11", "m12", "m13", "m21", "m22", "m23", "m31", "m32", "m33", "det", "volume", "rank",
                "orientation"), model.quantityNames());
        assertEquals(1, model.quantity("det"));
        assertEquals(3, model.quantity("rank"));
        assertEquals(1, model.quantity("orientation"));
        set(model, new Matrix3(2, -1, 3, 1, 0, 1, -2, 4, 1));
        assertEquals(7, model.quantity("det"), 1e-12);
        assertEquals(7, model.quantity("volume"), 1e-12);
        assertEquals(-1, model.quantity("m12"));
        assertEquals(4, model.quantity("m32"));
        double[][] rows = model.matrix().toArray();
        assertEquals(new LUDecomposition(new Array2DRowRealMatrix(rows)).getDeterminant(), model.quantity("det"),
                1e-12);
    }

    @Test
    void everyPresetHasTheDetRankAndOrientationItsTooltipPromises() {
        Det3dModel model = new Det3dModel();
        Map<Preset, double[]> expected = Map.of(
                Preset.IDENTITY, new double[]{1, 3, 1},
                Preset.SCALING, new double[]{3, 3, 1},
                Preset.SHEAR, new double[]{1, 3, 1},
                Preset.ROTATION, new double[]{1, 3, 1},
                Preset.REFLECTION, new double[]{-1, 3, -1},
                Preset.PLANE, new double[]{0, 2, 0},
                Preset.LINE, new double[]{0, 1, 0},
                Preset.ZERO, new double[]{0, 0, 0});
        assertEquals(Preset.values().length, expected.size());
        for (Preset preset : Preset.values()) {
            model.setMatrix(preset.matrix());
            double[] want = expected.get(preset);
            assertEquals(want[0], model.quantity("det"), 1e-12, preset.key());
            assertEquals(want[1], model.quantity("rank"), preset.key());
            assertEquals(want[2], model.quantity("orientation"), preset.key());
            assertEquals(new SingularValueDecomposition(new Array2DRowRealMatrix(model.matrix().toArray())).getRank(),
                    model.quantity("rank"), preset.key());
        }
    }

    @Test
    void theMorphDrawsTheInBetweenMatrixButGoalsSeeM() {
        Det3dModel model = new Det3dModel();
        model.setMatrix(Preset.PLANE.matrix());
        model.morphProperty().set(0.5);
        assertEquals(0, model.quantity("det"), 1e-12, "quantities are M's");
        assertTrue(Math.abs(model.displayedMatrix().det()) > 0.1, "halfway, the cube still has volume");
        assertEquals(3, model.displayedMatrix().rank());
        model.morphProperty().set(0);
        assertEquals(Matrix3.IDENTITY, model.displayedMatrix());
        model.reset();
        assertEquals(1, model.morphProperty().get());
    }

    @Test
    void resetReturnsToTheLessonStartAndBadValuesAreRefused() {
        Det3dModel model = new Det3dModel();
        model.setDefaults(Map.of("m33", -1.0));
        assertEquals(-1, model.quantity("det"));
        model.setParameter("m11", 4);
        model.reset();
        assertEquals(1, model.quantity("m11"));
        assertEquals(-1, model.quantity("m33"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> model.setParameter("m21", 5.5));
        assertTrue(range.getMessage().contains("m21"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("m21", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("e", 1));
        assertThrows(IllegalArgumentException.class, () -> model.setDefaults(Map.of("m44", 1.0)));
        assertEquals(0, model.quantity("m21"), "a refused value changes nothing");
        // Presets and whole matrices are clamped to the lab's range rather than refused.
        model.setMatrix(Matrix3.scaling(9, -9, 1));
        assertEquals(5, model.quantity("m11"));
        assertEquals(-5, model.quantity("m22"));
    }

    @Test
    void changesFireOnEveryEntry() {
        Det3dModel model = new Det3dModel();
        int[] fired = {0};
        model.changes().addListener(o -> fired[0]++);
        for (String name : Det3dModel.ENTRIES) {
            model.setParameter(name, 2);
        }
        assertEquals(9, fired[0]);
        assertEquals(0, model.quantity("det"), 1e-12, "all entries equal: rank 1");
        assertEquals(1, model.quantity("rank"));
    }
}
