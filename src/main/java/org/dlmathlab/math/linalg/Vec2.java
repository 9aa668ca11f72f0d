package org.dlmathlab.math.linalg;

/** A vector (x, y) of the plane; |v| = sqrt(x^2 + y^2), u . v = u_x v_x + u_y v_y. */
public record Vec2(double x, double y) {

    public static final Vec2 ZERO = new Vec2(0, 0);

    /** Adding 0.0 turns -0.0 into 0.0, so equal vectors compare equal. */
    public Vec2 {
        x += 0.0;
        y += 0.0;
    }

    public Vec2 plus(Vec2 o) {
        return new Vec2(x + o.x, y + o.y);
    }

    public Vec2 minus(Vec2 o) {
        return new Vec2(x - o.x, y - o.y);
    }

    public Vec2 times(double s) {
        return new Vec2(x * s, y * s);
    }

    public double dot(Vec2 o) {
        return x * o.x + y * o.y;
    }

    public double length() {
        return Math.hypot(x, y);
    }

    /** This vector scaled to length 1; the zero vector stays zero. */
    public Vec2 normalized() {
        double len = length();
        return len == 0 ? this : new Vec2(x / len, y / len);
    }
}
