package id.siaga.org;

import java.util.Objects;
import java.util.Optional;

/**
 * An operator position as it is administered: its station, its name, the login seated at it (if anyone is) and whether
 * it is in service. Only enabled positions are in the {@link OperatorRoster} and can be rung.
 */
public record Position(OperatorId id, StationId station, String name, Optional<String> username, boolean enabled) {

    /** Longest name a position may have (a console line, not an essay). */
    public static final int MAX_NAME = 200;

    public Position {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(username, "username");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a position needs a name");
        }
        name = name.strip();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a position's name has at most " + MAX_NAME + " characters");
        }
    }

    /** The position as the call path sees it. */
    public Operator operator() {
        return new Operator(id, name, station, username);
    }

    public Position renamed(String to) {
        return new Position(id, station, to, username, enabled);
    }

    public Position seating(Optional<String> login) {
        return new Position(id, station, name, login, enabled);
    }

    public Position enabled(boolean inService) {
        return new Position(id, station, name, username, inService);
    }
}
