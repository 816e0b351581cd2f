package id.siaga.telephony.recording;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.CallEvent;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallRecorded;
import id.siaga.telephony.event.RecordingExpired;
import id.siaga.telephony.event.RecordingFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recording of each call: when a call ends, {@link #record} waits for rtpengine to close the call's pcap,
 * converts it to the call's stereo WAV ({@link PcapToWav}) under the recordings directory ({@link RecordingFiles}),
 * journals {@code CallRecorded} with its SHA-256 and length, indexes it ({@link RecordingStore}) and, once that entry is
 * durable, deletes the pcap; what goes wrong is journalled as {@code RecordingFailed} with the reason, and the pcap is
 * kept as evidence. {@link #sweep} deletes recordings older than the retention period, journalling
 * {@code RecordingExpired} for each, and the pcaps kept that long. Everything runs on one thread of its own: the call
 * path only hands a call over and never waits, and a slow disk delays recordings, not calls. The recordings an earlier
 * run left unfinished are finished by {@link RecordingRecovery}, on the same thread.
 */
public final class CallRecordings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRecordings.class);
    private static final String ACTOR = "recording";
    /** The actor of what the recovery of an earlier run's recordings journals. */
    static final String RECOVERY_ACTOR = "recovery";
    private static final String THREAD = "call-recordings";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STORE_RETRY = Duration.ofSeconds(5);
    private static final int SWEEP_BATCH = 500;

    /** What became of a call's recording. */
    public sealed interface Outcome {
        CallId call();

        /** Kept: the recording, and what the converter found in the pcap. */
        record Kept(Recording recording, CallAudio audio) implements Outcome {
            @Override
            public CallId call() {
                return recording.call();
            }
        }

        /** Not kept, and why (journalled as {@code RecordingFailed}). */
        record NotKept(CallId call, String reason) implements Outcome {
        }
    }

    /** A kept recording and its file as it is now. */
    public record Stored(Recording recording, Path file) {
    }

    private final RecordingFiles files;
    private final Duration retention;
    private final Duration closeWithin;
    private final RecordingStore store;
    private final Journal journal;
    private final Clock clock;
    private final PcapToWav converter = new PcapToWav(PcapToWav.LONGEST);
    private final ScheduledExecutorService worker;
    private final RtpenginePcaps pcaps = new RtpenginePcaps();
    /**
     * The calls handed over whose outcome is not journalled yet: a call of this run whose recording is on its way is
     * never taken for one an earlier run left (see {@link RecordingRecovery}). Each leaves on the recordings' thread,
     * once its {@code CallRecorded} or {@code RecordingFailed} is durable.
     */
    private final Set<CallId> handedOver = ConcurrentHashMap.newKeySet();

    /**
     * @param directory   where the WAVs are kept
     * @param retention   how long a recording is kept after the call
     * @param closeWithin how long to wait, after a call ends, for rtpengine to close its pcap before reading what is there
     */
    public CallRecordings(Path directory, Duration retention, Duration closeWithin, RecordingStore store, Journal journal, Clock clock) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("recordings must be kept at least a day, got " + retention);
        }
        this.files = new RecordingFiles(directory);
        this.retention = retention;
        this.closeWithin = closeWithin;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
    }

    /** Clears what a crash left half-written and sweeps expired recordings now and every {@code sweepEvery}. */
    public void start(Duration sweepEvery) {
        try {
            files.clearIncoming();
        } catch (IOException e) {
            log.warn("recordings: could not clear half-written files in {}: {}", files.root(), e.toString());
        }
        worker.scheduleWithFixedDelay(this::sweepLogged, 0, sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Path directory() {
        return files.root();
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Keeps the recording of a call that ended: {@code pcap} is the file rtpengine named in its {@code offer} reply
     * ({@code recordings}), {@code caller} tells the caller's packets from the operator's, {@code station} is the call's
     * responsible station. Returns at once and never throws; the future completes with the outcome, never exceptionally.
     */
    public CompletableFuture<Outcome> record(CallId call, StationId station, Path pcap, CallerMedia caller) {
        if (call == null) {
            return CompletableFuture.completedFuture(new Outcome.NotKept(new CallId("unknown"), "no call"));
        }
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        try {
            handedOver.add(call);
            done.whenComplete((outcome, e) -> handedOver.remove(call));
            if (pcap != null) {
                pcaps.seen(pcap);
            }
            if (station == null || pcap == null || caller == null) {
                String reason = station == null ? "no station" : pcap == null ? "no pcap"
                        : "no SDP of the media plane reached the caller, so no audio of theirs can be in the recording" + kept(pcap);
                worker.execute(() -> done.complete(failed(call, reason, ACTOR))); // on the thread that waits until it is durable
                return done;
            }
            long giveUpAt = System.nanoTime() + closeWithin.toNanos();
            worker.execute(() -> awaitClosed(new Job(call, station, pcap, caller, ACTOR), giveUpAt, done));
        } catch (RejectedExecutionException e) {
            done.complete(failed(call, "recordings are shut down" + kept(pcap), ACTOR));
        } catch (RuntimeException e) {
            log.error("recording of call {} could not be started", call, e);
            done.complete(new Outcome.NotKept(call, "the recording could not be started: " + e));
        }
        return done;
    }

    /**
     * One recording to keep: by the call path ({@code actor} "recording") or, for a call an earlier run left, by the
     * recovery ({@link #RECOVERY_ACTOR}).
     */
    record Job(CallId call, StationId station, Path pcap, CallerMedia caller, String actor) {

        boolean recovered() {
            return RECOVERY_ACTOR.equals(actor);
        }
    }

    /**
     * Waits (without holding the thread) until rtpengine has closed the pcap, or until {@code giveUpAt} ({@link System#nanoTime})
     * or shutdown, then keeps what is there.
     */
    void awaitClosed(Job job, long giveUpAt, CompletableFuture<Outcome> done) {
        try {
            if (!RtpenginePcaps.closed(job.pcap()) && System.nanoTime() - giveUpAt < 0 && !worker.isShutdown()) {
                worker.schedule(() -> awaitClosed(job, giveUpAt, done), POLL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            done.complete(keep(job));
        } catch (RuntimeException | Error e) {
            log.error("recording of call {} failed", job.call(), e);
            done.complete(failed(job.call(), "the recording failed: " + e + kept(job.pcap()), job.actor()));
        }
    }

    private Outcome keep(Job job) {
        CallId call = job.call();
        Path pcap = job.pcap();
        String file = RecordingFiles.fileOf(call, clock.instant());
        // a recovered call has no CallRecorded: a WAV of its own already in place was moved there just before a crash,
        // unaccounted for, and is written again
        if (alreadyKept(call) || (!job.recovered() && Files.exists(files.resolve(file)))) {
            log.warn("call {} already has a recording; {} not kept again", call, pcap);
            return new Outcome.NotKept(call, "the call already has a recording");
        }
        if (!Files.isRegularFile(pcap)) {
            return failed(call, "rtpengine's pcap " + pcap + " is not there", job.actor());
        }
        RecordingFiles.Written<CallAudio> written;
        try {
            written = files.write(file, out -> converter.convert(pcap, job.caller(), out));
        } catch (UnreadableRecordingException e) {
            return failed(call, e.getMessage() + kept(pcap), job.actor());
        } catch (IOException e) {
            log.error("recording of call {} could not be written to {}", call, files.root(), e);
            return failed(call, "the recording could not be written: " + e.getMessage() + kept(pcap), job.actor());
        }
        CallAudio audio = written.result();
        StationId station = job.station();
        CallerMedia caller = job.caller();
        Recording recording = new Recording(call, station, file, written.sha256(), written.bytes(), audio.duration(), clock.instant());
        try {
            Journal.awaitDurable(List.of(journal.append(new CallRecorded(call, station, recording.sha256(), recording.bytes(),
                    recording.duration().toMillis(), file, audio.complete(), audio.endProblem()), job.actor())));
            RtpenginePcaps.deleteConverted(pcap);
        } catch (RuntimeException e) {
            log.warn("call {}: the journal has not confirmed CallRecorded yet ({}); the recording is kept, and rtpengine's pcap {} too", call,
                    e.getMessage(), pcap);
        }
        index(recording);
        log.info("recorded call {}: {} ms, {} bytes, sha256 {}, caller {} packets ({}), operator {} packets, {} others{}", call,
                recording.duration().toMillis(), recording.bytes(), recording.sha256(), audio.callerPackets(), caller, audio.operatorPackets(),
                audio.otherPackets(), audio.complete() ? "" : "; cut off: " + audio.endProblem());
        if (audio.callerPackets() == 0) {
            log.warn("call {}: no packet was the caller's ({}); all its audio is on the right channel", call, caller);
        }
        return new Outcome.Kept(recording, audio);
    }

    /** Whether the index has the call's recording; while the database is away, the recording is made (and indexed later). */
    private boolean alreadyKept(CallId call) {
        try {
            return store.find(call).isPresent();
        } catch (RuntimeException e) {
            log.warn("call {}: the recordings' index cannot be asked ({}); recording it anyway", call, e.getMessage());
            return false;
        }
    }

    /** Indexes the recording; while the database is away, tries again every few seconds (the journal already has it). */
    private void index(Recording recording) {
        try {
            if (!store.add(recording)) {
                log.warn("call {} already had a recording in the index; {} kept as a file only", recording.call(), recording.file());
            }
        } catch (RuntimeException e) {
            log.warn("recording of call {} not indexed yet ({}); trying again in {} s", recording.call(), e.getMessage(), STORE_RETRY.toSeconds());
            try {
                worker.schedule(() -> index(recording), STORE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                log.error("recording of call {} not indexed: shutting down; its CallRecorded entry still finds it", recording.call());
            }
        }
    }

    /** "; rtpengine's pcap is kept: PATH" when the pcap is there: a reason says where the evidence still is. */
    static String kept(Path pcap) {
        return pcap != null && Files.isRegularFile(pcap) ? "; rtpengine's pcap is kept: " + pcap : "";
    }

    /** Journals why the call has no recording; on the recordings' thread, waits until the entry is durable. */
    Outcome failed(CallId call, String reason, String actor) {
        log.warn("call {} not recorded: {}", call, reason);
        try {
            CompletableFuture<JournalEntry> entry = journal.append(new RecordingFailed(call, reason), actor);
            if (Thread.currentThread().getName().equals(THREAD)) {
                Journal.awaitDurable(List.of(entry));
            }
        } catch (RuntimeException e) {
            log.error("call {}: RecordingFailed could not be journalled", call, e);
        }
        return new Outcome.NotKept(call, reason);
    }

    /**
     * A call's kept recording whose file is there; empty when it has none. The index answers; a recording kept while the
     * database was away (not indexed before the node stopped) is found through its journal entry.
     */
    public Optional<Stored> find(CallId call) {
        Optional<Recording> recording = store.find(call).or(() -> fromJournal(call));
        return recording.map(r -> new Stored(r, files.resolve(r.file()))).filter(s -> Files.isRegularFile(s.file()));
    }

    /** Which of these calls have a recording (by the index): for history lists, which show a player for those. */
    public java.util.Set<CallId> recorded(java.util.Collection<CallId> calls) {
        return calls.isEmpty() ? java.util.Set.of() : store.recorded(calls);
    }

    /** What was heard of these calls' callers after the answer, where their recordings were judged ({@link CallerSilence}). */
    public java.util.Map<CallId, CallerSilence.Heard> callerSilences(java.util.Collection<CallId> calls) {
        return calls.isEmpty() ? java.util.Map.of() : store.callerSilences(calls);
    }

    /** The latest recordings of calls these stations were responsible for, newest first. */
    public List<Recording> latest(java.util.Collection<StationId> stations, int limit) {
        return store.latest(stations, limit);
    }

    private Optional<Recording> fromJournal(CallId call) {
        for (JournalEntry e : journal.bySubject(SubjectKind.CALL, call.value(), 1_000)) {   // newest first
            Optional<CallEvent> event = CallEvents.read(e);
            if (event.isPresent() && event.get() instanceof RecordingExpired) {
                return Optional.empty();
            }
            if (event.isPresent() && event.get() instanceof CallRecorded r) {
                return Optional.of(new Recording(call, r.station(), r.file(), r.sha256(), r.bytes(), Duration.ofMillis(r.durationMs()), e.at()));
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes every recording kept longer than the retention period: its file, then (once {@code RecordingExpired} is
     * journalled) its row. Returns how many. A file that cannot be deleted keeps its row and is tried at the next sweep.
     */
    public int sweep() {
        Instant cutoff = clock.instant().minus(retention);
        int expired = 0;
        while (true) {
            List<Recording> batch = store.keptBefore(cutoff, SWEEP_BATCH);
            int before = expired;
            for (Recording r : batch) {
                try {
                    boolean wasThere = files.delete(r.file());
                    Journal.awaitDurable(List.of(journal.append(new RecordingExpired(r.call(), r.sha256(), r.file(), r.recordedAt()), "retention")));
                    store.remove(r.call());
                    expired++;
                    log.info("recording of call {} expired ({} days): {} {}", r.call(), retention.toDays(), r.file(),
                            wasThere ? "deleted" : "was already gone");
                } catch (IOException | RuntimeException e) {
                    log.warn("recording of call {} not expired yet: {}", r.call(), e.toString());
                }
            }
            if (batch.size() < SWEEP_BATCH || expired == before) {
                pcaps.sweepOlderThan(cutoff);
                return expired;
            }
        }
    }

    private void sweepLogged() {
        try {
            int n = sweep();
            if (n > 0) {
                log.info("recordings: {} older than {} days deleted (siaga.media.recording-retention)", n, retention.toDays());
            }
        } catch (RuntimeException e) {
            log.error("recordings: the retention sweep failed; trying again at the next", e);
        }
    }

    /** Whether the call path handed this call's recording over and its outcome is not journalled yet. */
    boolean handedOver(CallId call) {
        return handedOver.contains(call);
    }

    RtpenginePcaps pcaps() {
        return pcaps;
    }

    Duration closeWithin() {
        return closeWithin;
    }

    Clock clock() {
        return clock;
    }

    Journal journal() {
        return journal;
    }

    /** Runs on the recordings' thread after {@code delay}; false when the service is shut down. */
    boolean schedule(Runnable task, Duration delay) {
        try {
            worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Finishes the recordings under way (a few seconds at most), then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
