package id.siaga.telephony;

import java.util.Optional;

/**
 * A new emergency call as the network presented it: who calls, what they dialled, and where they are if
 * the call said so ({@code locationProblem} explains a location that was present but unusable).
 */
public record IncomingCall(CallId id, String callerNumber, String dialled, CallerPosition position, String locationProblem) {

    public Optional<CallerPosition> location() {
        return Optional.ofNullable(position);
    }
}
