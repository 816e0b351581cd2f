package id.siaga.location;

/** Distances on the WGS84 sphere approximation, good to about 0.5% — plenty for jurisdiction and ETA. */
public final class Geodesy {

    /** Mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Metres in one degree of latitude (and of longitude at the equator). */
    public static final double METERS_PER_DEGREE = Math.PI * EARTH_RADIUS_METERS / 180.0;

    private Geodesy() {
    }

    /** Great-circle distance by the haversine formula, in metres. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
