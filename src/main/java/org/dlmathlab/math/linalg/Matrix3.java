package org.dlmathlab.math.linalg;

/**
 * A real 3x3 matrix, read column by column as a linear map of space: i-hat = (1, 0, 0) lands on the first column
 * (m11, m21, m31), j-hat on the second (m12, m22, m32) and k-hat on the third (m13, m23, m33).
 *
 * <ul>
 *   <li>A v = v_x c1 + v_y c2 + v_z c3, i.e. (A v)_i = m_i1 v_x + m_i2 v_y + m_i3 v_z</li>
 *   <li>det A by cofactor expansion along the first row: with rows (a b c), (d e f), (g h i),
 *       det = a(ei - fh) - b(di - fg) + c(dh - eg), that is
 *       m11 (m22 m33 - m23 m32) - m12 (m21 m33 - m23 m31) + m13 (m21 m32 - m22 m31)</li>
 *   <li>det A = c1 . (c2 x c3): the signed volume of the parallelepiped on the three columns, the factor by which
 *       A scales every volume; negative means A turns right-handed frames into left-handed ones (a mirror image)</li>
 *   <li>(A B)_ij = sum_k A_ik B_kj: first apply B, then A</li>
 *   <li>rank = number of pivots larger than {@link #RANK_TOLERANCE} times the largest entry in Gaussian elimination
 *       with full pivoting</li>
 * </ul>
 */
public record Matrix3(double m11, double m12, double m13,
                      double m21, double m22, double m23,
                      double m31, double m32, double m33) {

    /** Pivots below this fraction of the largest entry count as zero when finding the rank. */
    public static final double RANK_TOLERANCE = 1e-9;

    public static final Matrix3 IDENTITY = new Matrix3(1, 0, 0, 0, 1, 0, 0, 0, 1);
    public static final Matrix3 ZERO = new Matrix3(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Adding 0.0 turns -0.0 into 0.0, so equal matrices compare equal and never print "-0". */
    public Matrix3 {
        m11 += 0.0;
        m12 += 0.0;
        m13 += 0.0;
        m21 += 0.0;
        m22 += 0.0;
        m23 += 0.0;
        m31 += 0.0;
        m32 += 0.0;
        m33 += 0.0;
    }

    /** The matrix whose columns are where i-hat, j-hat and k-hat land. */
    public static Matrix3 fromColumns(Vec3 c1, Vec3 c2, Vec3 c3) {
        return new Matrix3(c1.x(), c2.x(), c3.x(), c1.y(), c2.y(), c3.y(), c1.z(), c2.z(), c3.z());
    }

    /** Row-major entries, {@code rows[i][j] = m_(i+1)(j+1)}. */
    public static Matrix3 of(double[][] rows) {
        if (rows.length != 3 || rows[0].length != 3 || rows[1].length != 3 || rows[2].length != 3) {
            throw new IllegalArgumentException("a 3x3 matrix needs 3 rows of 3 entries");
        }
        return new Matrix3(rows[0][0], rows[0][1], rows[0][2], rows[1][0], rows[1][1], rows[1][2],
                rows[2][0], rows[2][1], rows[2][2]);
    }

    /** Axis scaling diag(sx, sy, sz). */
    public static Matrix3 scaling(double sx, double sy, double sz) {
        return new Matrix3(sx, 0, 0, 0, sy, 0, 0, 0, sz);
    }

    /** Counter-clockwise rotation by {@code radians} about the z-axis: [[cos, -sin, 0], [sin, cos, 0], [0, 0, 1]]. */
    public static Matrix3 rotationZ(double radians) {
        double cos = clean(Math.cos(radians));
        double sin = clean(Math.sin(radians));
        return new Matrix3(cos, -sin, 0, sin, cos, 0, 0, 0, 1);
    }

    /** Row-major entries as a new array, {@code [i][j] = m_(i+1)(j+1)}. */
    public double[][] toArray() {
        return new double[][]{{m11, m12, m13}, {m21, m22, m23}, {m31, m32, m33}};
    }

    /** Entry in row {@code i}, column {@code j}, both counted from 1 as in m11..m33. */
    public double entry(int i, int j) {
        return toArray()[i - 1][j - 1];
    }

    public Vec3 column1() {
        return new Vec3(m11, m21, m31);
    }

    public Vec3 column2() {
        return new Vec3(m12, m22, m32);
    }

    public Vec3 column3() {
        return new Vec3(m13, m23, m33);
    }

    /**
     * The three 2x2 minors of the first row's cofactor expansion, each the determinant left when row 1 and that
     * entry's column are struck out: m22 m33 - m23 m32, m21 m33 - m23 m31, m21 m32 - m22 m31.
     */
    public double[] firstRowMinors() {
        return new double[]{m22 * m33 - m23 * m32, m21 * m33 - m23 * m31, m21 * m32 - m22 * m31};
    }

    /** det A = m11 M11 - m12 M12 + m13 M13, the cofactor expansion along the first row (see the class comment). */
    public double det() {
        double[] minor = firstRowMinors();
        return m11 * minor[0] - m12 * minor[1] + m13 * minor[2];
    }

    public double trace() {
        return m11 + m22 + m33;
    }

    /** Largest absolute entry: the scale tolerances are measured against. */
    public double maxAbs() {
        double max = 0;
        for (double[] row : toArray()) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /**
     * Rank 0 to 3 by Gaussian elimination with full pivoting: each step takes the largest remaining entry as pivot
     * and stops once it is below {@link #RANK_TOLERANCE} times the largest entry of the matrix. Full pivoting makes
     * the count reliable for the nearly dependent columns that drags produce.
     */
    public int rank() {
        double scale = maxAbs();
        if (!(scale > 0)) {
            return 0;
        }
        double[][] a = toArray();
        double tolerance = RANK_TOLERANCE * scale;
        int rank = 0;
        boolean[] rowUsed = new boolean[3];
        boolean[] colUsed = new boolean[3];
        for (int step = 0; step < 3; step++) {
            int pr = -1;
            int pc = -1;
            double best = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (!rowUsed[i] && !colUsed[j] && Math.abs(a[i][j]) > best) {
                        best = Math.abs(a[i][j]);
                        pr = i;
                        pc = j;
                    }
                }
            }
            if (best <= tolerance) {
                break;
            }
            rank++;
            rowUsed[pr] = true;
            colUsed[pc] = true;
            for (int i = 0; i < 3; i++) {
                if (!rowUsed[i]) {
                    double factor = a[i][pc] / a[pr][pc];
                    for (int j = 0; j < 3; j++) {
                        a[i][j] -= factor * a[pr][j];
                    }
                }
            }
        }
        return rank;
    }

    public boolean isSingular() {
        return rank() < 3;
    }

    /** A v = v_x c1 + v_y c2 + v_z c3. */
    public Vec3 apply(Vec3 v) {
        return apply(v.x(), v.y(), v.z());
    }

    public Vec3 apply(double x, double y, double z) {
        return new Vec3(m11 * x + m12 * y + m13 * z, m21 * x + m22 * y + m23 * z, m31 * x + m32 * y + m33 * z);
    }

    /** This times {@code other}: the map "first other, then this"; column j of the product is A (other's column j). */
    public Matrix3 times(Matrix3 other) {
        return fromColumns(apply(other.column1()), apply(other.column2()), apply(other.column3()));
    }

    /** (1 - t) I + t A: the straight-line morph from the identity that the animation plays. */
    public Matrix3 fromIdentity(double t) {
        double s = 1 - t;
        return new Matrix3(s + t * m11, t * m12, t * m13, t * m21, s + t * m22, t * m23, t * m31, t * m32,
                s + t * m33);
    }

    /** Rounds values within 1e-15 of zero to zero so that cos(pi/2) reads as 0 and not 6e-17. */
    private static double clean(double v) {
        return Math.abs(v) < 1e-15 ? 0.0 : v;
    }
}
