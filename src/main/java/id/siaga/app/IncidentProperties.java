package id.siaga.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incidents: when a new report is flagged as a possible duplicate of an open incident of a related type.
 *
 * @param duplicateDistance in metres: how far apart two reports of one event may lie. 500 m covers a brawl or a
 *                          crash reported by passers-by around it, and a caller's fix being a cell or a few
 *                          hundred metres off, without flagging the next kampung's. Production: 500 in towns;
 *                          up to 1000-2000 where fixes are mostly cells (rural Gunungkidul). At most 100,000.
 * @param duplicateWindow   how long apart (before or after) two reports of one event may be created. 30 minutes:
 *                          second callers ring within minutes, and an event that lasts longer is usually still
 *                          open and found by the operator on the map. Production: 30m; shorter only where one
 *                          place keeps producing separate events (a stadium). Positive, at most 24h.
 */
@ConfigurationProperties("siaga.incident")
public record IncidentProperties(
        @DefaultValue("500") double duplicateDistance,
        @DefaultValue("30m") Duration duplicateWindow) {

    public IncidentProperties {
        if (!(duplicateDistance > 0 && duplicateDistance <= 100_000)) {
            throw new IllegalArgumentException("siaga.incident.duplicate-distance must be above 0 and at most 100000 metres, got "
                    + duplicateDistance);
        }
        if (duplicateWindow == null || duplicateWindow.isNegative() || duplicateWindow.isZero() || duplicateWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("siaga.incident.duplicate-window must be positive and at most 24h, got " + duplicateWindow);
        }
    }
}
