package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.RolloutChanges;
import id.siaga.org.RolloutStatus;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationStatusChanged;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Rollout status changes, each saved, logged and journalled. */
@Service
public class StationAdministration implements RolloutChanges {

    private static final Logger log = LoggerFactory.getLogger(StationAdministration.class);

    private final StationDirectory stations;
    private final Journal journal;

    public StationAdministration(StationDirectory stations, Journal journal) {
        this.stations = stations;
        this.journal = journal;
    }

    @Override
    public Optional<StationStatusChanged> changeStatus(StationId id, RolloutStatus status, String by, String reason) {
        Optional<StationStatusChanged> changed = stations.changeStatus(id, status, by);
        changed.ifPresent(c -> {
            log.info("station {} rollout status {} -> {} by {}: {}", id, c.from(), c.to(), by, reason);
            journal.append("StationStatusChanged", SubjectKind.STATION, id.value(), by,
                    new StatusPayload(c.from(), c.to(), reason == null ? "" : reason));
        });
        return changed;
    }

    record StatusPayload(RolloutStatus from, RolloutStatus to, String reason) {
    }
}
