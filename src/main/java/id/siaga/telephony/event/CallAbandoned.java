package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The caller went before anyone answered, after {@code secondsWaiting}, while the call rang at ladder tier {@code tier}
 * at {@code station}. {@code beforeOffer}: the caller hung up before the offer was even handled; {@code callerGone}:
 * no CANCEL came, the caller was found gone (why), null otherwise. Journalled by "caller", or "liveness" when found gone.
 */
public record CallAbandoned(CallId call, double secondsWaiting, int tier,
                            StationId station, boolean beforeOffer, String callerGone) implements CallEvent {

    public CallAbandoned {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
    }

    /** The caller hung up (CANCEL) while the call rang. */
    public static CallAbandoned whileRinging(CallId call, double secondsWaiting, int tier, StationId station) {
        return new CallAbandoned(call, secondsWaiting, tier, station, false, null);
    }

    /** The caller hung up before the offer was handled: it never rang; {@code station} is where it would have. */
    public static CallAbandoned beforeOffer(CallId call, StationId station) {
        return new CallAbandoned(call, 0.0, 0, station, true, null);
    }

    /** No CANCEL or BYE came, but the caller is gone ({@code why}: the liveness probe's answer). */
    public static CallAbandoned callerGone(CallId call, double secondsWaiting, int tier, StationId station, String why) {
        return new CallAbandoned(call, secondsWaiting, tier, station, false, Objects.requireNonNull(why, "why"));
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> m = Payload.of("secondsWaiting", secondsWaiting, "tier", tier, "station", station);
        if (beforeOffer) {
            m.put("beforeOffer", true);
        }
        if (callerGone != null) {
            m.put("callerGone", callerGone);
        }
        return m;
    }

    static CallAbandoned from(CallId call, Fields f) {
        return new CallAbandoned(call, f.number("secondsWaiting"), f.integer("tier"), f.station("station"), f.flag("beforeOffer", false),
                f.textOrNull("callerGone"));
    }
}
