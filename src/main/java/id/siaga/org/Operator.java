package id.siaga.org;

import java.util.Objects;

/**
 * A call-taking position at a station and the person's login name. The SIP device of the position comes
 * with the telephony work; presence is kept by {@link PresenceBoard}.
 */
public record Operator(OperatorId id, String name, StationId station, String username) {

    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(station, "station");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator " + id + " has no name");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("operator " + id + " has no username");
        }
    }
}
