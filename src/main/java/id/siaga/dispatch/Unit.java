package id.siaga.dispatch;

import id.siaga.org.StationId;
import java.util.List;
import java.util.Objects;

/**
 * A field unit as the station registers it: its call sign on the radio, the station it belongs to, what it
 * moves with, the GPS devices it carries (a car tracker, the officers' phones or radios) and its members
 * (usernames of the officers who receive its alerts in the officer app).
 */
public record Unit(String id, String callSign, UnitKind kind, StationId station, List<String> devices, List<String> members) {

    public Unit {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("unit id must be 1-64 letters, digits, '.', '_' or '-', got " + id);
        }
        if (callSign == null || callSign.isBlank()) {
            throw new IllegalArgumentException("unit " + id + " has no call sign");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(station, "station");
        devices = List.copyOf(devices);
        members = List.copyOf(members);
    }
}
