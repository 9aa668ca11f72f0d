package org.dlmathlab.math.linalg;

/**
 * A camera looking at the origin of space, turned by a yaw (azimuth about the vertical z-axis) and a pitch (elevation
 * above the xy-plane), with an optional mild perspective. No toolkit: it turns points of space into screen-plane
 * coordinates (in world units; the caller scales them to pixels) and a depth for back-to-front sorting.
 *
 * <p>With yaw psi and pitch theta the camera frame is
 * <ul>
 *   <li>towards the viewer: d = (cos theta cos psi, cos theta sin psi, sin theta)</li>
 *   <li>screen right: r = (-sin psi, cos psi, 0) = (z x d) / |z x d|</li>
 *   <li>screen up: u = d x r = (-sin theta cos psi, -sin theta sin psi, cos theta)</li>
 * </ul>
 * The rows r, u, d form an orthonormal, right-handed rotation R (det R = 1), so the camera coordinates of p are
 * (r . p, u . p, d . p). Orthographic projection keeps (r . p, u . p); perspective from a camera at distance D along d
 * multiplies them by D / (D - d . p), which shrinks what is far and enlarges what is near.
 *
 * @param yaw      azimuth psi in radians
 * @param pitch    elevation theta in radians, kept within +-{@link #MAX_PITCH} so "up" stays defined
 * @param distance camera distance D from the origin; {@link Double#POSITIVE_INFINITY} for orthographic
 */
public record Projection3(double yaw, double pitch, double distance) {

    /** Just short of straight up or down: at +-90 degrees the screen's right direction would be undefined. */
    public static final double MAX_PITCH = Math.toRadians(89);
    /** Perspective never enlarges a point more than this, however close it comes to the camera. */
    public static final double MAX_ENLARGEMENT = 4;

    /** A screen point (x right, y up, world units) and its depth (larger = nearer the viewer). */
    public record Projected(double x, double y, double depth) {
    }

    public Projection3 {
        if (!Double.isFinite(yaw) || !Double.isFinite(pitch)) {
            throw new IllegalArgumentException("camera angles must be finite");
        }
        if (!(distance > 0)) {
            throw new IllegalArgumentException("camera distance must be positive, not " + distance);
        }
        pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch));
    }

    /** An orthographic camera. */
    public static Projection3 orthographic(double yaw, double pitch) {
        return new Projection3(yaw, pitch, Double.POSITIVE_INFINITY);
    }

    /** The same camera with the angles changed (pitch clamped). */
    public Projection3 withAngles(double newYaw, double newPitch) {
        return new Projection3(newYaw, newPitch, distance);
    }

    public Projection3 withDistance(double newDistance) {
        return new Projection3(yaw, pitch, newDistance);
    }

    /** Unit vector from the origin towards the viewer. */
    public Vec3 towardsViewer() {
        return new Vec3(Math.cos(pitch) * Math.cos(yaw), Math.cos(pitch) * Math.sin(yaw), Math.sin(pitch));
    }

    /** Unit vector that appears as "right" on screen. */
    public Vec3 right() {
        return new Vec3(-Math.sin(yaw), Math.cos(yaw), 0);
    }

    /** Unit vector that appears as "up" on screen. */
    public Vec3 up() {
        return new Vec3(-Math.sin(pitch) * Math.cos(yaw), -Math.sin(pitch) * Math.sin(yaw), Math.cos(pitch));
    }

    /** The rotation R with rows r, u, d: world to camera coordinates. */
    public Matrix3 rotation() {
        Vec3 r = right();
        Vec3 u = up();
        Vec3 d = towardsViewer();
        return new Matrix3(r.x(), r.y(), r.z(), u.x(), u.y(), u.z(), d.x(), d.y(), d.z());
    }

    /** Where the eye sits in world coordinates, or null for an orthographic camera (an eye at infinity). */
    public Vec3 eye() {
        return Double.isInfinite(distance) ? null : towardsViewer().times(distance);
    }

    /** The perspective factor D / (D - depth), capped at {@link #MAX_ENLARGEMENT}; 1 for orthographic. */
    public double perspectiveFactor(double depth) {
        if (Double.isInfinite(distance)) {
            return 1;
        }
        double gap = distance - depth;
        return gap <= distance / MAX_ENLARGEMENT ? MAX_ENLARGEMENT : distance / gap;
    }

    /** Projects p: camera coordinates (r . p, u . p) times the perspective factor, with depth d . p. */
    public Projected project(Vec3 p) {
        double depth = towardsViewer().dot(p);
        double f = perspectiveFactor(depth);
        return new Projected(right().dot(p) * f, up().dot(p) * f, depth);
    }

    /**
     * Whether a flat face through point {@code onFace} with normal {@code outward} (pointing out of the solid) faces
     * the viewer: outward . (eye - onFace) > 0, or outward . d > 0 for an orthographic camera.
     */
    public boolean facesViewer(Vec3 onFace, Vec3 outward) {
        Vec3 eye = eye();
        Vec3 towards = eye == null ? towardsViewer() : eye.minus(onFace);
        return outward.dot(towards) > 0;
    }
}
