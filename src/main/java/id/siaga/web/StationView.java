package id.siaga.web;

import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;

/** A station as the API shows it. */
public record StationView(String id, String name, StationKind kind, String parent, RolloutStatus status,
                          double hqLat, double hqLon, StationTimeZone timeZone) {

    static StationView of(Station s) {
        return new StationView(s.id().value(), s.name(), s.kind(), s.parent().map(Object::toString).orElse(null), s.status(),
                s.headquarters().latitude(), s.headquarters().longitude(), s.timeZone());
    }
}
