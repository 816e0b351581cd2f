package id.siaga.org;

import java.util.UUID;

/** Identifier of one shift of a station's roster (a UUID). */
public record ShiftId(String value) {

    public ShiftId {
        try {
            value = UUID.fromString(value == null ? "" : value.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shift id must be a UUID, got '" + value + "'");
        }
    }

    public static ShiftId random() {
        return new ShiftId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
