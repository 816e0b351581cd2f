package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.telephony.event.CallInterrupted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, before any new call is taken: every call the journal shows unfinished (offered, never ended) is closed as
 * interrupted, journalled with the reason, kept in the history and, if nobody had answered, given a call-back task at
 * its responsible station. Every call the journal shows finished whose record or call-back task never reached the store
 * (a crash while the database was away) gets them now. The journal is the source of truth: it spools through database
 * outages and is replayed before this runs.
 */
public final class CallRecovery {

    private static final Logger log = LoggerFactory.getLogger(CallRecovery.class);
    private static final int STORY_LIMIT = 1_000;

    /** What a recovery found and did. */
    public record Outcome(int interrupted, int callBacksOpened, int recordsRestored) {
    }

    private final Journal journal;
    private final CallRecordStore records;
    private final CallbackTasks callbacks;
    private final Clock clock;
    private final StationId fallback;
    private final Duration shortCall;

    public CallRecovery(Journal journal, CallRecordStore records, CallbackTasks callbacks, Clock clock, StationId fallback, Duration shortCall) {
        this.journal = journal;
        this.records = records;
        this.callbacks = callbacks;
        this.clock = clock;
        this.fallback = fallback;
        this.shortCall = shortCall;
    }

    /**
     * Looks at the calls this node offered within {@code window} before now: what start-up does, before the SIP edge
     * takes a call. Calls other nodes of a cluster offered are theirs (alive, they carry them; lost, their takeover
     * closes them).
     *
     * @param live calls this process is carrying right now (none at start): never touched
     */
    public Outcome recover(Duration window, Set<CallId> live) {
        return recover(journal.node(), window, live, "found unfinished at start");
    }

    /**
     * Looks at the calls {@code node} offered within {@code window} before now and closes each the journal shows
     * unfinished, saying why ({@code how}); an ending journalled by any node counts. A node that takes over from a lost
     * one calls this with the lost node's id.
     */
    public Outcome recover(String node, Duration window, Set<CallId> live, String how) {
        Instant now = clock.instant();
        Set<String> types = new HashSet<>(CallStory.ENDINGS);
        types.add(CallStory.OFFERED);
        Map<CallId, Boolean> calls = new LinkedHashMap<>(); // call offered by the node -> journal shows it ended
        Set<CallId> endedElsewhere = new HashSet<>();
        journal.ofTypesSince(types, now.minus(window), e -> {
            CallId id = new CallId(e.subjectId());
            if (e.subjectKind() != SubjectKind.CALL || live.contains(id)) {
                return;
            }
            boolean ending = CallStory.ENDINGS.contains(e.type());
            if (ending && !calls.containsKey(id)) {
                endedElsewhere.add(id); // its offer may come later in time order on another node's clock
            } else if (!ending && node.equals(e.node())) {
                calls.merge(id, endedElsewhere.contains(id), Boolean::logicalOr);
            } else if (ending) {
                calls.put(id, true);
            }
        });
        List<CallId> unfinished = calls.entrySet().stream().filter(c -> !c.getValue()).map(Map.Entry::getKey).toList();
        List<CallId> finished = calls.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();

        int interrupted = 0;
        int opened = 0;
        int restored = 0;
        for (CallId id : unfinished) {
            Optional<CallStory> story = storyOf(id);
            if (story.isEmpty()) {
                continue; // an ending without its offer inside the window: older than what is looked at
            }
            close(story.get(), now, (node.equals(journal.node()) ? "the server stopped" : "node " + node + " was lost") + " while the call was "
                    + story.get().stateWhenStopped().toLowerCase(java.util.Locale.ROOT) + "; " + how);
            interrupted++;
            opened += story.get().answered() ? 0 : 1;
        }
        Set<CallId> kept = finished.isEmpty() ? Set.of() : records.kept(finished);
        Set<CallId> withTasks = finished.isEmpty() ? Set.of() : callbacks.store().callsWithTasks(finished);
        for (CallId id : finished) {
            if (kept.contains(id) && withTasks.contains(id)) {
                continue;
            }
            Optional<CallStory> story = storyOf(id);
            if (story.isEmpty()) {
                continue;
            }
            CallStory s = story.get();
            if (!kept.contains(id)) {
                Optional<CallRecord> record = s.recordOfEnding();
                if (record.isPresent()) {
                    records.save(record.get());
                    restored++;
                }
            }
            if (s.owesCallBack() && !withTasks.contains(id)) {
                callbacks.open(s.callBack(s.endedAt()));
                opened++;
            }
        }
        Outcome outcome = new Outcome(interrupted, opened, restored);
        if (interrupted + opened + restored > 0) {
            log.warn("call recovery of node {}: {} unfinished calls closed as interrupted, {} call-back tasks opened, {} call records restored "
                    + "from the journal ({} calls looked at)", node, interrupted, opened, restored, calls.size());
            journal.append("CallsRecovered", SubjectKind.SYSTEM, "calls", "system", Map.of("node", node, "interrupted", interrupted,
                    "callBacksOpened", opened, "recordsRestored", restored, "windowHours", window.toMinutes() / 60.0));
        } else {
            log.info("call recovery of node {}: every call it offered in the last {} has ended and is kept", node, window);
        }
        return outcome;
    }

    /**
     * Closes a call that will get no further event from this process: journalled {@code CallInterrupted}, kept in the
     * history as {@link CallRecord.Outcome#INTERRUPTED}, and a call-back task when nobody had answered.
     */
    public void close(CallStory story, Instant now, String reason) {
        journal.append(new CallInterrupted(story.id(), reason, story.answered() ? CallInterrupted.State.ANSWERED : CallInterrupted.State.RINGING,
                story.responsible(), Duration.between(story.offeredAt(), now).toMillis() / 1000.0), "system");
        log.warn("call {} from {} closed as interrupted ({}); {}", story.id(), story.callerNumber(), reason,
                story.answered() ? "it had been answered by " + story.answeredBy() : "call-back task at " + story.responsible());
        records.save(story.record(CallRecord.Outcome.INTERRUPTED, now, "system"));
        if (!story.answered()) {
            callbacks.open(story.callBack(now));
        }
    }

    private Optional<CallStory> storyOf(CallId id) {
        List<JournalEntry> entries = new ArrayList<>(journal.bySubject(SubjectKind.CALL, id.value(), STORY_LIMIT));
        return CallStory.of(id, entries, fallback, shortCall);
    }
}
