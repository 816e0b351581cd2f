package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.org.StationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A new emergency call as the network presented it: who calls, what they dialled, and where the call said
 * they are. {@code routable} fixes may decide the station; {@code displayOnly} ones are shown but not routed
 * on (a PIDF-LO sent with {@code Geolocation-Routing: no}). {@code locationProblem} explains a location that
 * was present but unusable (null when there was none or it was fine); {@code areaCodeStation} is the station
 * a fixed-line caller's area code points to, for when there is no position at all (null if none). {@code source} is
 * the network address the call came from (the carrier trunk's or the phone's IP address, as the packet showed it;
 * null when unknown): unanswered calls are counted per source so a flood of forged calls cannot fill the queue.
 */
public record IncomingCall(CallId id, String callerNumber, String dialled, List<LocationFix> routable, List<LocationFix> displayOnly,
                           String locationProblem, StationId areaCodeStation, String source) {

    public IncomingCall {
        Objects.requireNonNull(id, "id");
        routable = List.copyOf(routable);
        displayOnly = List.copyOf(displayOnly);
    }

    /** A call with at most one routable fix and nothing else. */
    public IncomingCall(CallId id, String callerNumber, String dialled, LocationFix fix, String locationProblem) {
        this(id, callerNumber, dialled, fix == null ? List.of() : List.of(fix), List.of(), locationProblem, null, null);
    }

    public Optional<StationId> areaCode() {
        return Optional.ofNullable(areaCodeStation);
    }
}
