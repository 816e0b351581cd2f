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
    Read of(Collection<String> stations, Instant from);

    /**
     * What was read; {@code partial} when there were more incidents than one read returns, so the figures cover the
     * newest only and the board must say so.
     */
    record Read(List<OnSceneTimes.TimedIncident> incidents, boolean partial) {
        public Read {
            incidents = List.copyOf(incidents);
        }
    }
}
