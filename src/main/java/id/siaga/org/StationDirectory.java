package id.siaga.org;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current station tree. Rollout status is the only thing that changes at run time; each change is
 * saved through {@link StationStatusStore} (so it survives a restart) and returned as an event.
 */
public final class StationDirectory {

    private final AtomicReference<StationTree> current;
    private final StationStatusStore statuses;
    private final Clock clock;

    public StationDirectory(StationTree fromFiles, StationStatusStore statuses, Clock clock) {
        StationTree tree = fromFiles;
        for (var e : statuses.all().entrySet()) {
            if (tree.contains(e.getKey())) {
                tree = tree.withStatus(e.getKey(), e.getValue());
            }
        }
        this.current = new AtomicReference<>(tree);
        this.statuses = statuses;
        this.clock = clock;
    }

    public StationTree tree() {
        return current.get();
    }

    /** Sets a station's rollout status; empty when it already had it. */
    public synchronized Optional<StationStatusChanged> changeStatus(StationId id, RolloutStatus status, String by) {
        StationTree tree = current.get();
        Station before = tree.get(id);
        if (before.status() == status) {
            return Optional.empty();
        }
        StationStatusChanged changed = new StationStatusChanged(id, before.status(), status, by, clock.instant());
        statuses.save(id, status, by, changed.at());
        current.set(tree.withStatus(id, status));
        return Optional.of(changed);
    }
}
