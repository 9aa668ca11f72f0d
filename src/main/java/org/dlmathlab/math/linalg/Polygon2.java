package org.dlmathlab.math.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed polygon of the plane, given by its vertices in order (the last joins back to the first).
 *
 * <ul>
 *   <li>Signed area by the shoelace formula: S = 1/2 sum_i (x_i y_{i+1} - x_{i+1} y_i), indices mod n. S &gt; 0 when
 *   the vertices run counter-clockwise, S &lt; 0 when clockwise.</li>
 *   <li>Under a linear map A each term is a cross product of two vertices, and (A u) x (A v) = det A (u x v), so the
 *   image's signed area is det A times S: areas scale by |det A| and a negative det reverses the direction.</li>
 *   <li>For an outline that crosses itself, S is the net area: every region counted with its winding number, so the
 *   loops of a figure eight cancel in part or in full. The det A law still holds for that net area.</li>
 * </ul>
 *
 * <p>Fewer than three vertices enclose nothing: the area is 0.
 */
public record Polygon2(List<Vec2> vertices) {

    public static final Polygon2 EMPTY = new Polygon2(List.of());

    public Polygon2 {
        vertices = List.copyOf(vertices);
    }

    public static Polygon2 of(Vec2... vertices) {
        return new Polygon2(List.of(vertices));
    }

    /** A polygon from coordinate pairs x0, y0, x1, y1, ... */
    public static Polygon2 ofCoordinates(double... xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("coordinates come in pairs, got " + xy.length + " numbers");
        }
        List<Vec2> list = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            list.add(new Vec2(xy[i], xy[i + 1]));
        }
        return new Polygon2(list);
    }

    public int size() {
        return vertices.size();
    }

    public Vec2 vertex(int i) {
        return vertices.get(i);
    }

    /** Whether it has the three vertices needed to enclose a region. */
    public boolean isClosedShape() {
        return vertices.size() >= 3;
    }

    /**
     * The shoelace sum S = 1/2 sum_i (x_i y_{i+1} - x_{i+1} y_i). Computed relative to the first vertex (which leaves
     * S unchanged, since a translation adds terms that cancel around the loop) so that a small shape far from the
     * origin keeps its digits.
     */
    public double signedArea() {
        int n = vertices.size();
        if (n < 3) {
            return 0;
        }
        Vec2 origin = vertices.get(0);
        double twice = 0;
        for (int i = 0; i < n; i++) {
            Vec2 p = vertices.get(i).minus(origin);
            Vec2 q = vertices.get((i + 1) % n).minus(origin);
            twice += p.x() * q.y() - q.x() * p.y();
        }
        return twice / 2;
    }

    /** |S|. */
    public double area() {
        return Math.abs(signedArea());
    }

    /** The image under m: every vertex mapped, in the same order. */
    public Polygon2 transformed(Matrix2 m) {
        List<Vec2> out = new ArrayList<>(vertices.size());
        for (Vec2 v : vertices) {
            out.add(m.apply(v));
        }
        return new Polygon2(out);
    }

    /** The same vertices in the opposite order: the signed area changes sign. */
    public Polygon2 reversed() {
        List<Vec2> out = new ArrayList<>(vertices);
        java.util.Collections.reverse(out);
        return new Polygon2(out);
    }

    /** This polygon with one more vertex at the end. */
    public Polygon2 with(Vec2 vertex) {
        List<Vec2> out = new ArrayList<>(vertices);
        out.add(vertex);
        return new Polygon2(out);
    }

    /** This polygon without its last vertex (empty stays empty). */
    public Polygon2 withoutLast() {
        return vertices.isEmpty() ? this : new Polygon2(vertices.subList(0, vertices.size() - 1));
    }

    /** The mean of the vertices: a point inside a convex shape, good enough to place a label. */
    public Vec2 vertexMean() {
        if (vertices.isEmpty()) {
            return Vec2.ZERO;
        }
        double x = 0;
        double y = 0;
        for (Vec2 v : vertices) {
            x += v.x();
            y += v.y();
        }
        return new Vec2(x / vertices.size(), y / vertices.size());
    }

    /** Length of the bounding box's diagonal: the scale that "no area" is judged against. */
    public double extent() {
        if (vertices.isEmpty()) {
            return 0;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Vec2 v : vertices) {
            minX = Math.min(minX, v.x());
            minY = Math.min(minY, v.y());
            maxX = Math.max(maxX, v.x());
            maxY = Math.max(maxY, v.y());
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }

    /**
     * Whether the net area is zero for practical purposes: |S| &lt;= 1e-9 extent^2 (all points on one line, or loops
     * that cancel exactly). A ratio of areas is then undefined.
     */
    public boolean hasNoArea() {
        double scale = extent();
        return !isClosedShape() || area() <= 1e-9 * scale * scale;
    }

    /**
     * Whether two edges that are not neighbours touch or cross (a figure eight, a loop drawn over itself). Neighbouring
     * edges share a vertex and are only reported when they fold back onto each other. O(n^2) in the vertices.
     */
    public boolean isSelfIntersecting() {
        int n = vertices.size();
        if (n < 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Vec2 p1 = vertices.get(i);
            Vec2 p2 = vertices.get((i + 1) % n);
            for (int j = i + 1; j < n; j++) {
                Vec2 q1 = vertices.get(j);
                Vec2 q2 = vertices.get((j + 1) % n);
                boolean neighbours = j == i + 1 || (i == 0 && j == n - 1);
                if (neighbours) {
                    // Shared vertex: they only "cross" by doubling back along the same line.
                    Vec2 shared = j == i + 1 ? p2 : p1;
                    Vec2 u = (j == i + 1 ? p1 : p2).minus(shared);
                    Vec2 w = (j == i + 1 ? q2 : q1).minus(shared);
                    if (n > 3 && cross(u, w) == 0 && u.dot(w) > 0) {
                        return true;
                    }
                } else if (segmentsMeet(p1, p2, q1, q2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** u x v = u_x v_y - u_y v_x. */
    static double cross(Vec2 u, Vec2 v) {
        return u.x() * v.y() - u.y() * v.x();
    }

    /** Whether closed segments p1p2 and q1q2 share a point, by the signs of the four orientation tests. */
    static boolean segmentsMeet(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2) {
        double d1 = cross(p2.minus(p1), q1.minus(p1));
        double d2 = cross(p2.minus(p1), q2.minus(p1));
        double d3 = cross(q2.minus(q1), p1.minus(q1));
        double d4 = cross(q2.minus(q1), p2.minus(q1));
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(p1, p2, q1)) || (d2 == 0 && onSegment(p1, p2, q2))
                || (d3 == 0 && onSegment(q1, q2, p1)) || (d4 == 0 && onSegment(q1, q2, p2));
    }

    /** For r collinear with ab: whether r lies within ab's bounding box (so on the segment). */
    private static boolean onSegment(Vec2 a, Vec2 b, Vec2 r) {
        return r.x() >= Math.min(a.x(), b.x()) && r.x() <= Math.max(a.x(), b.x())
                && r.y() >= Math.min(a.y(), b.y()) && r.y() <= Math.max(a.y(), b.y());
    }
}
