package id.siaga.location;

import static id.siaga.location.PidfLoDocument.child;
import static id.siaga.location.PidfLoDocument.children;
import static id.siaga.location.PidfLoDocument.is;
import static id.siaga.location.PidfLoDocument.name;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.w3c.dom.Element;

/**
 * The RFC 5491 geodetic shapes reduced to a {@link LocationFix}: Point, Circle, Ellipse, Sphere, Ellipsoid
 * and Polygon, in WGS84 ({@code urn:ogc:def:crs:EPSG::4326}, 2D, or {@code ::4979}, 3D, altitude ignored),
 * coordinates "lat lon". Anything whose meaning would have to be guessed is refused with the reason:
 * another coordinate system (a swapped axis order puts the caller in the wrong province), a unit other
 * than metres, a number that is not plainly a decimal. Fields the fix does not use (an ellipse's
 * orientation) are not checked, so they cannot cost a caller their location.
 */
final class GmlShape {

    static final String GML = "http://www.opengis.net/gml";
    static final String SHAPES = "http://www.opengis.net/pidflo/1.0";
    static final String METRES = "urn:ogc:def:uom:EPSG::9001";
    /** EPSG 4326 or 4979 as an OGC URN (optionally versioned) or an OGC http URI; group 1 is the code. */
    private static final Pattern WGS84 = Pattern.compile(
            "(?i)(?:urn:ogc:def:crs:EPSG:[0-9.]*:|http://www\\.opengis\\.net/def/crs/EPSG/0/)(4326|4979)");
    /** A plain decimal: no NaN, Infinity, hex floats or Java's 'd' suffix, which Double.parseDouble would take. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");
    private static final GeometryFactory PLANE = new GeometryFactory();

    private GmlShape() {
    }

    static LocationFix toFix(Element shape, String method, Optional<Instant> timestamp) throws UnusableLocation {
        String kind = shape.getPrefix() == null ? shape.getLocalName() : shape.getPrefix() + ":" + shape.getLocalName();
        try {
            double[] fix; // latitude, longitude, uncertainty
            if (is(shape, GML, "Point")) {
                fix = withUncertainty(centre(shape), Double.NaN);
            } else if (is(shape, SHAPES, "Circle") || is(shape, SHAPES, "Sphere")) {
                fix = withUncertainty(centre(shape), metres(shape, "radius"));
            } else if (is(shape, SHAPES, "Ellipse") || is(shape, SHAPES, "Ellipsoid")) {
                // the larger axis, in case a sender swapped them: the radius must not understate the doubt
                fix = withUncertainty(centre(shape), Math.max(metres(shape, "semiMajorAxis"), metres(shape, "semiMinorAxis")));
            } else if (is(shape, GML, "Polygon")) {
                fix = polygon(shape);
            } else {
                throw new UnusableLocation("shape " + name(shape) + " is not supported (Point, Circle, Ellipse, Sphere,"
                        + " Ellipsoid, Polygon are)");
            }
            return new LocationFix(fix[0], fix[1], fix[2], LocationSource.PIDF_LO, method, timestamp);
        } catch (UnusableLocation e) {
            throw new UnusableLocation(kind + ": " + e.getMessage());
        }
    }

    private static double[] withUncertainty(double[] latLon, double uncertaintyMeters) {
        return new double[] {latLon[0], latLon[1], uncertaintyMeters};
    }

    /** The shape's {@code gml:pos}, in the shape's coordinate system. */
    private static double[] centre(Element shape) throws UnusableLocation {
        Element pos = child(shape, GML, "pos").orElseThrow(() -> new UnusableLocation("no gml:pos"));
        int dimension = dimension(shape, pos);
        return vertices(pos, dimension).get(0);
    }

    /** A polygon's area centroid and, as the uncertainty, its distance to the farthest vertex. */
    private static double[] polygon(Element polygon) throws UnusableLocation {
        Element ring = child(polygon, GML, "exterior").flatMap(e -> child(e, GML, "LinearRing"))
                .orElseThrow(() -> new UnusableLocation("no gml:exterior/gml:LinearRing"));
        List<double[]> vertices = new ArrayList<>();
        Optional<Element> posList = child(ring, GML, "posList");
        if (posList.isPresent()) {
            vertices.addAll(vertices(posList.get(), dimension(polygon, posList.get())));
        } else {
            for (Element pos : children(ring)) {
                if (is(pos, GML, "pos")) {
                    List<double[]> one = vertices(pos, dimension(polygon, pos));
                    if (one.size() != 1) {
                        throw new UnusableLocation("a gml:pos holds one position, got " + one.size());
                    }
                    vertices.addAll(one);
                }
            }
        }
        if (vertices.isEmpty()) {
            throw new UnusableLocation("no gml:posList or gml:pos in the exterior ring");
        }
        double[] first = vertices.get(0);
        double[] last = vertices.get(vertices.size() - 1);
        if (first[0] != last[0] || first[1] != last[1]) {
            vertices.add(first); // GML wants the ring closed; closing it changes no coordinate
        }
        if (vertices.size() < 4) {
            throw new UnusableLocation("a polygon needs at least three corners, got " + (vertices.size() - 1));
        }
        // the centroid on a local flat projection around the first corner: metres-true at any size a
        // PIDF-LO polygon has (a cell sector, a district), and safe across the antimeridian
        double cosLat = Math.max(Math.cos(Math.toRadians(first[0])), 1e-9);
        Coordinate[] ring2d = new Coordinate[vertices.size()];
        for (int i = 0; i < ring2d.length; i++) {
            double[] v = vertices.get(i);
            ring2d[i] = new Coordinate(wrapDegrees(v[1] - first[1]) * cosLat, v[0] - first[0]);
        }
        Point centroid = PLANE.createPolygon(ring2d).getCentroid();
        double latitude = centroid.isEmpty() ? first[0] : first[0] + centroid.getY();
        double longitude = centroid.isEmpty() ? first[1] : wrapDegrees(first[1] + centroid.getX() / cosLat);
        double farthest = 0;
        for (double[] v : vertices) {
            farthest = Math.max(farthest, Geodesy.distanceMeters(latitude, longitude, v[0], v[1]));
        }
        return new double[] {latitude, longitude, farthest};
    }

    /** 2 for EPSG 4326, 3 for EPSG 4979; the srsName sits on the shape (RFC 5491) or, failing that, on the position. */
    private static int dimension(Element shape, Element positions) throws UnusableLocation {
        String srsName = shape.getAttribute("srsName").trim();
        if (srsName.isEmpty()) {
            srsName = positions.getAttribute("srsName").trim();
        }
        if (srsName.isEmpty()) {
            throw new UnusableLocation("no srsName: the coordinate system is unknown");
        }
        var wgs84 = WGS84.matcher(srsName);
        if (!wgs84.matches()) {
            throw new UnusableLocation("srsName " + UnusableLocation.shown(srsName) + " is not EPSG 4326 or 4979");
        }
        int dimension = wgs84.group(1).equals("4979") ? 3 : 2;
        String declared = positions.getAttribute("srsDimension").trim();
        if (!declared.isEmpty() && !declared.equals(Integer.toString(dimension))) {
            throw new UnusableLocation("srsDimension " + UnusableLocation.shown(declared) + " contradicts " + srsName);
        }
        return dimension;
    }

    /** The positions of a gml:pos or gml:posList as {latitude, longitude}, range-checked; altitude dropped. */
    private static List<double[]> vertices(Element positions, int dimension) throws UnusableLocation {
        String text = positions.getTextContent().trim();
        String[] numbers = text.isEmpty() ? new String[0] : text.split("\\s+");
        if (numbers.length == 0 || numbers.length % dimension != 0) {
            throw new UnusableLocation(positions.getLocalName() + " " + UnusableLocation.shown(text) + " does not hold "
                    + (dimension == 2 ? "\"lat lon\"" : "\"lat lon alt\"") + " positions");
        }
        List<double[]> vertices = new ArrayList<>();
        for (int i = 0; i < numbers.length; i += dimension) {
            double latitude = number(numbers[i]);
            double longitude = number(numbers[i + 1]);
            if (dimension == 3) {
                number(numbers[i + 2]); // altitude: unused, but garbage here means a garbled position
            }
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                throw new UnusableLocation("position " + latitude + " " + longitude + " is outside -90..90, -180..180");
            }
            vertices.add(new double[] {latitude, longitude});
        }
        return vertices;
    }

    /** A non-negative distance in metres from a {@code gs:} child such as {@code gs:radius}. */
    private static double metres(Element shape, String distance) throws UnusableLocation {
        Element element = child(shape, SHAPES, distance).orElseThrow(() -> new UnusableLocation("no gs:" + distance));
        String uom = element.getAttribute("uom").trim();
        if (!uom.equals(METRES)) {
            throw new UnusableLocation("gs:" + distance + " uom " + UnusableLocation.shown(uom) + " is not metres (" + METRES + ")");
        }
        double metres = number(element.getTextContent().trim());
        if (!(metres >= 0)) {
            throw new UnusableLocation("gs:" + distance + " " + metres + " is negative");
        }
        return metres;
    }

    private static double number(String text) throws UnusableLocation {
        if (!DECIMAL.matcher(text).matches()) {
            throw new UnusableLocation(UnusableLocation.shown(text) + " is not a decimal number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new UnusableLocation(UnusableLocation.shown(text) + " is out of range");
        }
        return value;
    }

    private static double wrapDegrees(double longitude) {
        double wrapped = ((longitude + 180) % 360 + 360) % 360 - 180;
        return wrapped == -180 && longitude > 0 ? 180 : wrapped;
    }
}
