package id.siaga.telephony.recording;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.CallEvent;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallRecorded;
import id.siaga.telephony.event.RecordingFailed;
import id.siaga.telephony.event.RecordingStarted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, once the server is up: every recording an earlier run started and never finished (the journal has the
 * call's {@code RecordingStarted}, no {@code CallRecorded} or {@code RecordingFailed}: the server was killed or stopped
 * while the call lasted or while its pcap was converted) is finished now, on the recordings' thread. A pcap rtpengine has
 * closed is converted; one rtpengine still writes (the call outlived the server on rtpengine: caller and operator may
 * still be talking through it) is left to end by itself for {@code waitForEnd} after the recording started, then deleted
 * on rtpengine and converted; a pcap that is not there is journalled {@code RecordingFailed} naming it. The calls this
 * run carries or has handed over are never touched. docs/MEDIA.md, After a crash, goes through the races.
 */
public final class RecordingRecovery {

    private static final Logger log = LoggerFactory.getLogger(RecordingRecovery.class);
    private static final Set<String> TYPES = Set.of(RecordingStarted.class.getSimpleName(), CallRecorded.class.getSimpleName(),
            RecordingFailed.class.getSimpleName());
    private static final int STORY_LIMIT = 1_000;

    /** The media plane, as the recovery asks it about a call an earlier run anchored. */
    public interface MediaPlane {

        /** What rtpengine says of the call. */
        enum Answer {
            /** It still holds the call: the pcap is still being written. */
            HELD,
            /** It does not know the call (it ended it, or restarted): nothing writes the pcap any more. */
            GONE,
            /** It cannot be asked: no media plane is configured, that instance is not, or it does not answer. */
            NO_ANSWER
        }

        /** Whether {@code rtpengine} ({@code host:port}) still holds the call it knows as {@code mediaCallId}. */
        Answer holds(String rtpengine, String mediaCallId);

        /** Deletes the call there (its pcap is then closed); what it held before, as {@link #holds} says it. */
        Answer delete(String rtpengine, String mediaCallId);

        /** No media plane: nobody to ask. */
        MediaPlane NONE = new MediaPlane() {
            @Override
            public Answer holds(String rtpengine, String mediaCallId) {
                return Answer.NO_ANSWER;
            }

            @Override
            public Answer delete(String rtpengine, String mediaCallId) {
                return Answer.NO_ANSWER;
            }
        };
    }

    /** What the recovery did: recordings owed by an earlier run, and how each ended. */
    public record Summary(int owed, List<CallRecordings.Outcome> outcomes) {

        public long kept() {
            return outcomes.stream().filter(o -> o instanceof CallRecordings.Outcome.Kept).count();
        }
    }

    private record Owed(RecordingStarted started, Instant startedAt) {
    }

    private final CallRecordings recordings;
    private final Journal journal;
    private final MediaPlane plane;
    private final Function<CallId, Optional<StationId>> stationOf;
    private final Predicate<CallId> carried;
    private final Duration window;
    private final Duration waitForEnd;
    /** When this recovery started (the server's start): the wait runs from here, never from before the crash. */
    private volatile Instant restartedAt = Instant.MIN;
    private final Duration lookEvery;
    private final CompletableFuture<Summary> done = new CompletableFuture<>();
    private final List<CallRecordings.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Set<CallId> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private volatile int owed;

    /**
     * @param stationOf  the call's responsible station (its record, else its journal)
     * @param carried    calls this run carries on the media plane now: never touched
     * @param window     how far back recordings started are looked at (the retention: an older one would expire at once)
     * @param waitForEnd how long after a recording started rtpengine is left to end the call by itself
     * @param lookEvery  how often rtpengine is asked again about a call it still holds, or could not be asked about
     */
    public RecordingRecovery(CallRecordings recordings, MediaPlane plane, Function<CallId, Optional<StationId>> stationOf,
                             Predicate<CallId> carried, Duration window, Duration waitForEnd, Duration lookEvery) {
        this.recordings = recordings;
        this.journal = recordings.journal();
        this.plane = plane;
        this.stationOf = stationOf;
        this.carried = carried;
        this.window = window;
        this.waitForEnd = waitForEnd;
        this.lookEvery = lookEvery;
    }

    /**
     * Looks at the journal on the recordings' thread and finishes each owed recording there; returns at once. The future
     * completes when every one is kept or journalled as failed (those rtpengine still holds, up to {@code waitForEnd}).
     */
    public CompletableFuture<Summary> start() {
        restartedAt = recordings.clock().instant();
        if (!recordings.schedule(this::scan, Duration.ZERO)) {
            done.complete(new Summary(0, List.of()));
        }
        return done;
    }

    /** The calls whose pcap rtpengine still writes (or could not be asked about): their recording waits. */
    public Set<CallId> waiting() {
        return Set.copyOf(waiting);
    }

    private void scan() {
        try {
            if (journal.isSpooling()) {
                // the journal's newest entries are not in the database yet: a CallRecorded among them would be missed
                log.info("recordings: the journal is spooling; the recordings an earlier run left are looked at in {} s", lookEvery.toSeconds());
                if (!recordings.schedule(this::scan, lookEvery)) {
                    finish();
                }
                return;
            }
            Instant now = recordings.clock().instant();
            // in sequence order an outcome follows its start: only the recordings still open are held, not a year of calls
            Map<CallId, Owed> started = new LinkedHashMap<>();
            journal.ofTypesSince(TYPES, now.minus(window), e -> {
                Optional<CallEvent> event = CallEvents.read(e);
                if (event.isPresent() && event.get() instanceof RecordingStarted s) {
                    if (!e.node().equals(journal.node())) {
                        return; // another node's media plane holds that pcap: that node finishes it, at its next start if it stopped
                    }
                    started.putIfAbsent(s.call(), new Owed(s, e.at()));
                    s.pcaps().forEach(p -> recordings.pcaps().seen(Path.of(p)));
                } else if (event.isPresent()) {
                    started.remove(event.get().call());
                }
            });
            // carried first: a call of this run leaves the media plane only once the recordings have it, and leaves the
            // recordings (on this thread) only once its outcome is durable, hence in the journal the scan read
            List<CallId> ours = started.keySet().stream().filter(c -> carried.test(c) || recordings.handedOver(c)).toList();
            ours.forEach(started::remove);
            owed = started.size();
            if (started.isEmpty()) {
                log.info("recordings: every recording started in the last {} days is kept or journalled as failed", window.toDays());
            } else {
                log.warn("recordings: {} recordings an earlier run started were never finished (the server stopped first); finishing them now{}",
                        started.size(), ours.isEmpty() ? "" : " (" + ours.size() + " calls of this run left alone)");
            }
            open.set(started.size() + 1);
            for (Owed o : started.values()) {
                look(o);
            }
            recordings.pcaps().sweepOlderThan(now.minus(recordings.retention()));
        } catch (RuntimeException e) {
            log.error("recordings: the recordings an earlier run left could not be looked at; trying again at the next start", e);
        }
        finish();
    }

    /** Decides one owed recording (see the class comment); asks again later when rtpengine still writes its pcap. */
    private void look(Owed o) {
        RecordingStarted s = o.started();
        CallId call = s.call();
        try {
            if (finishedMeanwhile(call)) {
                waiting.remove(call);
                finish();
                return;
            }
            Optional<Path> pcap = s.pcaps().stream().map(Path::of).filter(Files::isRegularFile).findFirst();
            if (pcap.isEmpty()) {
                conclude(call, recordings.failed(call, "rtpengine's pcap " + String.join(", ", s.pcaps()) + " is not there (the server stopped while "
                        + "the call's recording was under way; found missing at start)", CallRecordings.RECOVERY_ACTOR));
                return;
            }
            Optional<StationId> station = stationOf.apply(call);
            if (station.isEmpty() || s.operatorPort() == null) {
                String missing = station.isEmpty() ? "the call's responsible station is not known (no call record, no CallOffered in the journal)"
                        : "which packets are the caller's is not known (the operators' SDP had no audio line)";
                conclude(call, recordings.failed(call, missing + CallRecordings.kept(pcap.get()), CallRecordings.RECOVERY_ACTOR));
                return;
            }
            CallRecordings.Job job = new CallRecordings.Job(call, station.get(), pcap.get(), CallerMedia.notSentTo(s.operatorPort()),
                    CallRecordings.RECOVERY_ACTOR);
            if (RtpenginePcaps.closed(pcap.get())) {
                convert(job, Duration.ZERO, "rtpengine had closed it");
                return;
            }
            // counted from the later of the recording's start and this start: a call that was already long when the server
            // died is not cut at rtpengine moments after the restart while its caller and operator may still be talking
            Instant from = o.startedAt().isAfter(restartedAt) ? o.startedAt() : restartedAt;
            boolean due = !recordings.clock().instant().isBefore(from.plus(waitForEnd));
            MediaPlane.Answer answer = plane.holds(s.rtpengine(), s.mediaCallId());
            if (answer == MediaPlane.Answer.GONE) {
                convert(job, recordings.closeWithin(), "rtpengine " + s.rtpengine() + " no longer holds the call");
            } else if (answer == MediaPlane.Answer.HELD && due) {
                MediaPlane.Answer deleted = plane.delete(s.rtpengine(), s.mediaCallId());
                convert(job, recordings.closeWithin(), "rtpengine " + s.rtpengine() + " still held the call " + waitForEnd.toMinutes()
                        + " min after the restart; "
                        + (deleted == MediaPlane.Answer.NO_ANSWER ? "its delete got no answer" : "deleted there"));
            } else if (answer == MediaPlane.Answer.NO_ANSWER && due) {
                convert(job, Duration.ZERO, "rtpengine " + s.rtpengine() + " could not be asked for " + waitForEnd.toMinutes()
                        + " min after the restart; what the pcap holds is kept");
            } else {
                if (waiting.add(call)) {
                    log.info("call {}: rtpengine {} {}; its recording {} waits until rtpengine ends the call, at most until {}", call, s.rtpengine(),
                            answer == MediaPlane.Answer.HELD ? "still holds it (caller and operator may still be talking through it)"
                                    : "cannot be asked whether it still writes it", pcap.get(), from.plus(waitForEnd));
                }
                if (!recordings.schedule(() -> look(o), lookEvery)) {
                    finish();
                }
            }
        } catch (RuntimeException e) {
            log.error("call {}: the recording an earlier run left could not be finished; trying again at the next start", call, e);
            waiting.remove(call);
            finish();
        }
    }

    private void convert(CallRecordings.Job job, Duration closeWithin, String why) {
        waiting.remove(job.call());
        log.info("call {}: keeping the recording an earlier run left ({}): {}, caller {}", job.call(), why, job.pcap(), job.caller());
        CompletableFuture<CallRecordings.Outcome> kept = new CompletableFuture<>();
        kept.thenAccept(outcome -> conclude(job.call(), outcome));
        recordings.awaitClosed(job, System.nanoTime() + closeWithin.toNanos(), kept);
    }

    private void conclude(CallId call, CallRecordings.Outcome outcome) {
        waiting.remove(call);
        outcomes.add(outcome);
        finish();
    }

    /** Whether a CallRecorded or RecordingFailed of the call has been journalled since the scan. */
    private boolean finishedMeanwhile(CallId call) {
        for (JournalEntry e : journal.bySubject(SubjectKind.CALL, call.value(), STORY_LIMIT)) {
            if (TYPES.contains(e.type()) && !RecordingStarted.class.getSimpleName().equals(e.type())) {
                return true;
            }
        }
        return false;
    }

    private void finish() {
        if (open.decrementAndGet() <= 0 && !done.isDone()) {
            List<CallRecordings.Outcome> all;
            synchronized (outcomes) {
                all = List.copyOf(outcomes);
            }
            if (owed > 0) {
                long kept = all.stream().filter(o -> o instanceof CallRecordings.Outcome.Kept).count();
                log.warn("recordings: of {} recordings an earlier run left, {} kept now, {} journalled as failed", owed, kept, all.size() - kept);
            }
            done.complete(new Summary(owed, all));
        }
    }
}
