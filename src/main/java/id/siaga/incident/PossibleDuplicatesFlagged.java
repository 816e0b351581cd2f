package id.siaga.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new incident looks like open ones already reported (a related type, close by, at about the same time). It
 * is only a warning: the operator links or merges them, or not.
 */
public record PossibleDuplicatesFlagged(Incident incident, List<IncidentId> candidates, double withinMeters, java.time.Duration window,
                                        Instant at) implements IncidentEvent {

    public PossibleDuplicatesFlagged {
        candidates = List.copyOf(candidates);
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, Object> facts() {
        return IncidentEvent.facts("candidates", candidates.stream().map(IncidentId::value).toList(), "withinMeters", withinMeters,
                "windowSeconds", window.toSeconds());
    }
}
