package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A call-back task {@code task} was opened at {@code station} for {@code caller}, who gave up before an answer or, when
 * {@code cutOffAfterAnswer}, was cut off right after it.
 */
public record CallbackTaskOpened(CallId call, String task, StationId station, String caller, boolean cutOffAfterAnswer) implements CallEvent {

    public CallbackTaskOpened {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(station, "station");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("task", task, "station", station, "caller", caller, "cutOffAfterAnswer", cutOffAfterAnswer);
    }

    static CallbackTaskOpened from(CallId call, Fields f) {
        return new CallbackTaskOpened(call, f.text("task"), f.station("station"), f.textOrNull("caller"), f.flag("cutOffAfterAnswer", false));
    }
}
