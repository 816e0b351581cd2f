package id.siaga.org;

import java.util.regex.Pattern;

/** Identifier of an answering point, e.g. {@code POLRES-3404} or {@code POLDA-DIY}. */
public record StationId(String value) implements Comparable<StationId> {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public StationId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("station id must be 1-64 letters, digits, '.', '_' or '-', got '" + value + "'");
        }
    }

    public static StationId of(String value) {
        return new StationId(value == null ? null : value.trim());
    }

    @Override
    public int compareTo(StationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
