package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A call the journal shows unfinished was closed at start-up (the node stopped while it was live): {@code reason} says
 * why, {@code wasState} where the call stood, {@code station} the station responsible for it (its call-back task goes
 * there), {@code secondsSinceOffer} how long ago it was offered when it was closed.
 */
public record CallInterrupted(CallId call, String reason, State wasState, StationId station, double secondsSinceOffer) implements CallEvent {

    public CallInterrupted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(wasState, "wasState");
        Objects.requireNonNull(station, "station");
    }

    /** Where the call stood when it was cut short. */
    public enum State {
        /** Phones were ringing for it. */
        RINGING,
        /** It waited at the top of its ladder with nobody READY. */
        QUEUED,
        /** An operator was talking to the caller. */
        ANSWERED
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("reason", reason, "wasState", wasState, "station", station, "secondsSinceOffer", secondsSinceOffer);
    }

    static CallInterrupted from(CallId call, Fields f) {
        return new CallInterrupted(call, f.text("reason"), f.oneOf(State.class, "wasState"), f.station("station"), f.number("secondsSinceOffer"));
    }
}
