package org.dlmathlab.math.linalg;

/**
 * A vector (x, y, z) of space.
 *
 * <ul>
 *   <li>u . v = u_x v_x + u_y v_y + u_z v_z</li>
 *   <li>u x v = (u_y v_z - u_z v_y, u_z v_x - u_x v_z, u_x v_y - u_y v_x), perpendicular to both, with
 *       |u x v| the area of the parallelogram on u and v</li>
 *   <li>|v| = sqrt(v . v)</li>
 * </ul>
 */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 X = new Vec3(1, 0, 0);
    public static final Vec3 Y = new Vec3(0, 1, 0);
    public static final Vec3 Z = new Vec3(0, 0, 1);

    /** Adding 0.0 turns -0.0 into 0.0, so equal vectors compare equal and never print "-0". */
    public Vec3 {
        x += 0.0;
        y += 0.0;
        z += 0.0;
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    /** The scalar triple product u . (v x w): the signed volume of the parallelepiped on u, v, w. */
    public static double triple(Vec3 u, Vec3 v, Vec3 w) {
        return u.dot(v.cross(w));
    }

    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** This vector scaled to length 1; the zero vector stays zero. */
    public Vec3 normalized() {
        double len = length();
        return len == 0 ? this : new Vec3(x / len, y / len, z / len);
    }
}
