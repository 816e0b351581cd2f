package id.siaga.org;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current station tree: the tree the files give, with the rollout statuses and the names administrators set at run
 * time on top. Each change is saved through {@link StationStatusStore} or {@link StationNameStore} (so it survives a
 * restart) and returned as an event; {@link #refresh()} reads both stores again, for the changes another node made.
 */
public final class StationDirectory {

    private final StationTree fromFiles;
    private final AtomicReference<StationTree> current;
    private final StationStatusStore statuses;
    private final StationNameStore names;
    private final Clock clock;

    /** A directory whose names are the files' only (nothing renames its stations: tests, tools). */
    public StationDirectory(StationTree fromFiles, StationStatusStore statuses, Clock clock) {
        this(fromFiles, statuses, new StationNamesInMemory(), clock);
    }

    public StationDirectory(StationTree fromFiles, StationStatusStore statuses, StationNameStore names, Clock clock) {
        this.fromFiles = fromFiles;
        this.statuses = statuses;
        this.names = names;
        this.clock = clock;
        this.current = new AtomicReference<>(read());
    }

    public StationTree tree() {
        return current.get();
    }

    /** The name the station has in the files, whatever an administrator has called it since. */
    public String referenceName(StationId id) {
        return fromFiles.get(id).name();
    }

    /**
     * Reads the statuses and names saved by any node again and applies them: true when the tree changed. A status or
     * name changed here is already applied.
     */
    public synchronized boolean refresh() {
        StationTree read = read();
        StationTree before = current.get();
        boolean changed = read.all().stream().anyMatch(s -> !s.equals(before.get(s.id())));
        if (changed) {
            current.set(read);
        }
        return changed;
    }

    private StationTree read() {
        StationTree tree = fromFiles;
        for (var e : statuses.all().entrySet()) {
            if (tree.contains(e.getKey())) {
                tree = tree.withStatus(e.getKey(), e.getValue());
            }
        }
        return tree.withNames(names.all());
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

    /**
     * Gives stations other names, all saved or none (a name that is not {@link StationNamesCsv#name acceptable} refuses
     * them all); the stations whose name changed. Giving a station its files' name again forgets the override.
     */
    public synchronized List<StationRenamed> rename(Map<StationId, String> newNames, String by) {
        StationTree tree = current.get();
        Map<StationId, String> checked = new LinkedHashMap<>();
        newNames.forEach((id, name) -> checked.put(tree.get(id).id(), StationNamesCsv.name(name)));
        Instant at = clock.instant();
        List<StationRenamed> renamed = new ArrayList<>();
        Map<StationId, String> overrides = new LinkedHashMap<>();
        Set<StationId> forgotten = new LinkedHashSet<>();
        checked.forEach((id, name) -> {
            String before = tree.get(id).name();
            if (before.equals(name)) {
                return;
            }
            renamed.add(new StationRenamed(id, before, name, by, at));
            if (name.equals(referenceName(id))) {
                forgotten.add(id); // back to the files' own name: no override any more
            } else {
                overrides.put(id, name);
            }
        });
        if (renamed.isEmpty()) {
            return List.of();
        }
        names.change(overrides, forgotten, by, at);
        Map<StationId, String> applied = new LinkedHashMap<>();
        renamed.forEach(r -> applied.put(r.station(), r.to()));
        current.set(tree.withNames(applied));
        return renamed;
    }

    /** Gives the station back its files' name; empty when it has it. */
    public Optional<StationRenamed> restoreName(StationId id, String by) {
        return rename(Map.of(id, referenceName(id)), by).stream().findFirst();
    }
}
