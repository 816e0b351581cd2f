package id.siaga.org;

import java.util.Objects;
import java.util.Optional;

/**
 * A call-taking position at a station and the login of the person seated at it, if anyone is. The SIP phone of the
 * position is telephony's ({@code telephony.registrar.OperatorPhones}); presence is kept by {@link PresenceBoard}.
 */
public record Operator(OperatorId id, String name, StationId station, Optional<String> username) {

    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(username, "username");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator " + id + " has no name");
        }
        if (username.isPresent() && username.get().isBlank()) {
            throw new IllegalArgumentException("operator " + id + " has a blank username");
        }
    }

    /** A position with someone seated at it. */
    public Operator(OperatorId id, String name, StationId station, String username) {
        this(id, name, station, Optional.of(requireUsername(id, username)));
    }

    /** Whether this login is the one seated at the position. */
    public boolean seats(String login) {
        return username.filter(u -> u.equals(login)).isPresent();
    }

    private static String requireUsername(OperatorId id, String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("operator " + id + " has no username");
        }
        return username;
    }
}
