package id.siaga.telephony.event;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.location.LocationSource;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where the caller is, as far as the call knows; every {@code CallLocated} row is one of three shapes: a {@link Fix}
 * that joined the call's location history, {@link NoLocation} when the call brought none, or a fix that arrived
 * {@link AfterEnd after the call ended}. All three are journalled as {@code CallLocated} by "location".
 */
public sealed interface CallLocated extends CallEvent {

    /** Every shape is a {@code CallLocated} row. */
    @Override
    default String type() {
        return CallLocated.class.getSimpleName();
    }

    /** A fix joined the call: from {@code source}, measured at {@code measuredAt}, routable or only shown, arrived {@code via}. */
    static Fix fix(CallId call, LocationFusion.Received received, String via) {
        LocationFix p = received.fix();
        return new Fix(call, p.source(), p.latitude(), p.longitude(), p.hasUncertainty() ? p.uncertaintyMeters() : null, p.method(),
                received.measuredAt(), received.routable(), via);
    }

    /** A fix for a call that had already ended, arrived {@code via} (an AML report, a location fetched by reference). */
    static AfterEnd afterEnd(CallId call, LocationFix fix, String via) {
        return new AfterEnd(call, fix.source(), via, fix.latitude(), fix.longitude(), fix.hasUncertainty() ? fix.uncertaintyMeters() : null);
    }

    /**
     * A fix in the call's location history. {@code uncertaintyMeters} is null when the source gave none, {@code method}
     * the source's own word for how it measured (empty when it said nothing). Rows from before the location history
     * (issue 4) have no {@code measuredAt}, {@code routable} or {@code via}: they read as null, true and null.
     */
    record Fix(CallId call, LocationSource source, double lat, double lon, Double uncertaintyMeters, String method, Instant measuredAt,
               boolean routable, String via) implements CallLocated {

        public Fix {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public Map<String, Object> payload() {
            return Payload.of("source", source, "lat", lat, "lon", lon, "uncertaintyMeters", uncertaintyMeters, "method", method,
                    "measuredAt", measuredAt, "routable", routable, "via", via);
        }
    }

    /**
     * The call brought no usable location: {@code problem} says why; {@code areaCodeStation} is where a fixed-line
     * caller's area code points, null when there is none. Stored with {@code "source":"NONE"}.
     */
    record NoLocation(CallId call, String problem, StationId areaCodeStation) implements CallLocated {

        /** The {@code source} of a row with no location. */
        public static final String NONE = "NONE";

        public NoLocation {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> m = Payload.of("source", NONE, "problem", problem);
            if (areaCodeStation != null) {
                m.put("areaCodeStation", areaCodeStation.value());
            }
            return m;
        }
    }

    /**
     * A fix that arrived after the call ended ({@code via}: how): it joins the call's story, not its route.
     * {@code uncertaintyMeters} is null when the source gave none (and in rows that did not carry it).
     */
    record AfterEnd(CallId call, LocationSource source, String via, double lat, double lon, Double uncertaintyMeters) implements CallLocated {

        public AfterEnd {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public Map<String, Object> payload() {
            return Payload.of("source", source, "via", via, "lat", lat, "lon", lon, "uncertaintyMeters", uncertaintyMeters, "afterEnd", true);
        }
    }
}
