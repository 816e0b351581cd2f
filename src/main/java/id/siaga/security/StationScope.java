package id.siaga.security;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import org.springframework.security.core.Authentication;

/**
 * The visibility rule: a user sees their home station and everything below it. A Polres operator sees
 * their Polres (and its Polsek); a Polda supervisor sees all its Polres; Mabes sees everything.
 */
public final class StationScope {

    private final StationDirectory stations;

    public StationScope(StationDirectory stations) {
        this.stations = stations;
    }

    public static SiagaPrincipal principal(Authentication auth) {
        if (auth == null || !(auth.getPrincipal() instanceof SiagaPrincipal p)) {
            throw new IllegalStateException("no Siaga 110 principal in this request");
        }
        return p;
    }

    public boolean canSee(Authentication auth, StationId station) {
        return stations.tree().isWithin(station, principal(auth).station());
    }

    /** Throws {@link OutOfScopeException} unless the station is within the user's scope. */
    public void requireVisible(Authentication auth, StationId station) {
        if (!canSee(auth, station)) {
            throw new OutOfScopeException(principal(auth).username(), principal(auth).station(), station);
        }
    }
}
