package id.siaga.incident;

import id.siaga.org.GeoPoint;

/**
 * Where the incident is: a WGS84 point, how uncertain it is (radius in metres, null when unknown) and where it
 * came from: the call's best fix, a point the operator picked on the map, or the reporting channel's own position.
 */
public record IncidentLocation(GeoPoint point, Double uncertaintyMeters, Origin origin) {

    public enum Origin {
        /** The best fix of the linked 110 call (PIDF-LO, AML, cell …) when the incident was created. */
        CALL,
        /** Picked by the operator (map click, an address the caller gave). */
        PICKED,
        /** Given by another channel's report (a police app's GPS position). */
        REPORTED
    }

    public IncidentLocation {
        if (point == null || origin == null) {
            throw new IllegalArgumentException("an incident location needs a point and an origin");
        }
        if (uncertaintyMeters != null && !(uncertaintyMeters >= 0 && uncertaintyMeters < 1_000_000)) {
            throw new IllegalArgumentException("location uncertainty must be 0-1,000,000 metres, got " + uncertaintyMeters);
        }
    }

    public static IncidentLocation of(double latitude, double longitude, Double uncertaintyMeters, Origin origin) {
        return new IncidentLocation(new GeoPoint(latitude, longitude), uncertaintyMeters, origin);
    }
}
