package id.siaga.incident;

import java.util.UUID;

/** Identifier of one incident ("laporan"), independent of the call or app report it came from. */
public record IncidentId(String value) {

    public IncidentId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("incident id must be 1-64 characters");
        }
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
