package id.siaga.supervision;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The board's view of the incidents: those of some stations with their clocks, read by whoever keeps incidents. */
public interface IncidentTimes {

    /**
     * Incidents whose responsible station is one of {@code stations}, created at or after {@code from}, together with
     * the open ones of earlier days; each once, with its clock as of now.
     */
    List<OnSceneTimes.TimedIncident> of(Collection<String> stations, Instant from);
}
