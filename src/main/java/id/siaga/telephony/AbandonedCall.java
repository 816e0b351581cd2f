package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.org.StationId;
import java.time.Instant;

/**
 * A caller who hung up before anyone answered, or was cut off within seconds of an answer: someone at the
 * responsible station must call back. {@code position} is the call's best location, null when it had none.
 */
public record AbandonedCall(CallId call, String callerNumber, StationId station, LocationFix position, Instant offeredAt,
                            Instant endedAt, boolean wasAnswered) {
}
