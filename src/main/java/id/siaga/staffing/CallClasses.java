package id.siaga.staffing;

import id.siaga.org.StationId;
import id.siaga.screening.Classification;
import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.Map;

/**
 * What a station's calls were classified at wrap-up (screening's word), for the plan's handling time by class and the
 * gate's replay: the classifications given from {@code from} to {@code until}, by call.
 */
@FunctionalInterface
public interface CallClasses {

    Map<CallId, Classification> of(StationId station, Instant from, Instant until);

    /** No classification known: every call unclassified, and the gate's replay flags only on hang-ups on answer. */
    CallClasses NONE = (station, from, until) -> Map.of();
}
