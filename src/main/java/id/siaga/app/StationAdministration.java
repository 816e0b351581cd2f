package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.location.Jurisdictions;
import id.siaga.org.GoLiveChecklist;
import id.siaga.org.GoLiveRefusedException;
import id.siaga.org.OperatorRoster;
import id.siaga.org.PositionPhones;
import id.siaga.org.RolloutChanges;
import id.siaga.org.RolloutStatus;
import id.siaga.org.ShiftStore;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationNaming;
import id.siaga.org.StationRenamed;
import id.siaga.org.StationStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rollout status and name changes, each saved, logged and journalled (the name with what it was and what it is), and told
 * to whoever follows them (in a cluster: the other nodes, {@link StationChangesReplication}); going LIVE from the console
 * first passes the checklist.
 */
@Service
public class StationAdministration implements RolloutChanges, StationNaming {

    private static final Logger log = LoggerFactory.getLogger(StationAdministration.class);

    private final StationDirectory stations;
    private final Journal journal;
    private final List<Consumer<StationId>> followers = new CopyOnWriteArrayList<>();
    private final PositionPhones phones;
    private final OperatorRoster positions;
    private final ShiftStore shifts;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    public StationAdministration(StationDirectory stations, Journal journal, PositionPhones phones, OperatorRoster positions, ShiftStore shifts,
                                 Jurisdictions jurisdictions, Clock clock) {
        this.stations = stations;
        this.positions = positions;
        this.journal = journal;
        this.phones = phones;
        this.shifts = shifts;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** Calls {@code follower} with each station whose status or name was changed here, after it is saved. */
    void afterChange(Consumer<StationId> follower) {
        followers.add(follower);
    }

    @Override
    public Optional<StationStatusChanged> changeStatus(StationId id, RolloutStatus status, String by, String reason) {
        return changed(id, status, by, reason, null, false);
    }

    @Override
    public synchronized Optional<StationStatusChanged> changeStatus(StationId id, RolloutStatus status, String by, String reason,
                                                                    boolean overrideChecklist) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rollout status change needs a reason");
        }
        GoLiveChecklist checklist = checklist(id);
        if (status == RolloutStatus.LIVE && !checklist.met()) {
            if (!overrideChecklist) {
                log.info("station {} refused LIVE for {}: {}", id, by, checklist.unmet());
                throw new GoLiveRefusedException(checklist);
            }
            log.warn("station {} goes LIVE by {} over its unmet checklist {}: {}", id, by, checklist.unmet(), reason);
        }
        return changed(id, status, by, reason.trim(), checklist, overrideChecklist && !checklist.met());
    }

    @Override
    public GoLiveChecklist checklist(StationId id) {
        Station station = stations.tree().get(id);
        Instant now = clock.instant();
        return GoLiveChecklist.of(station, phones.registeredAt(id).stream().flatMap(p -> positions.find(p).stream()).toList(), shifts.atStation(id, now, now.plus(GoLiveChecklist.ROSTER_AHEAD)),
                jurisdictions.areas().containsKey(id), now);
    }

    private Optional<StationStatusChanged> changed(StationId id, RolloutStatus status, String by, String reason, GoLiveChecklist checklist,
                                                   boolean overridden) {
        Optional<StationStatusChanged> changed = stations.changeStatus(id, status, by);
        changed.ifPresent(c -> {
            log.info("station {} rollout status {} -> {} by {}: {}", id, c.from(), c.to(), by, reason);
            journal.append("StationStatusChanged", SubjectKind.STATION, id.value(), by, new StatusPayload(c.from(), c.to(),
                    reason == null ? "" : reason, checklist == null ? null : checklist.checks().stream().map(CheckState::of).toList(),
                    overridden));
            told(id);
        });
        return changed;
    }

    @Override
    public Optional<StationRenamed> rename(StationId station, String name, String by) {
        return renameAll(Map.of(station, name), by).stream().findFirst();
    }

    @Override
    public Optional<StationRenamed> restoreName(StationId station, String by) {
        return renameAll(Map.of(station, stations.referenceName(station)), by).stream().findFirst();
    }

    @Override
    public List<StationRenamed> renameAll(Map<StationId, String> names, String by) {
        List<StationRenamed> renamed = stations.rename(names, by);
        for (StationRenamed r : renamed) {
            log.info("station {} renamed '{}' -> '{}' by {}", r.station(), r.from(), r.to(), by);
            journal.append("StationRenamed", SubjectKind.STATION, r.station().value(), by, new NamePayload(r.from(), r.to()));
            told(r.station());
        }
        if (names.size() > 1) {
            log.info("station names: {} given, {} changed, by {}", names.size(), renamed.size(), by);
        }
        return renamed;
    }

    private void told(StationId station) {
        for (Consumer<StationId> follower : followers) {
            try {
                follower.accept(station);
            } catch (RuntimeException e) {
                log.warn("station {} changed, but a follower was not told: {}", station, e.toString());
            }
        }
    }

    /** One checklist item as the journal keeps it. */
    record CheckState(GoLiveChecklist.Item item, boolean met, String detail) {
        static CheckState of(GoLiveChecklist.Check c) {
            return new CheckState(c.item(), c.met(), c.detail());
        }
    }

    record StatusPayload(RolloutStatus from, RolloutStatus to, String reason, List<CheckState> checklist, boolean checklistOverridden) {
    }

    /** The name before and after. */
    record NamePayload(String from, String to) {
    }
}
