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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recording of each call: when a call ends, {@link #record} waits for rtpengine to close the call's pcap,
 * converts it to the call's stereo WAV ({@link PcapToWav}) under the recordings directory ({@link RecordingFiles}),
 * journals {@code CallRecorded} with its SHA-256 and length, and indexes it ({@link RecordingStore}); what goes wrong is
 * journalled as {@code RecordingFailed} with the reason. {@link #sweep} deletes recordings older than the retention
 * period, journalling {@code RecordingExpired} for each. Everything runs on one thread of its own: the call path only
 * hands a call over and never waits, and a slow disk delays recordings, not calls.
 */
public final class CallRecordings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRecordings.class);
    private static final String ACTOR = "recording";
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
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        try {
            if (call == null || station == null || pcap == null || caller == null) {
                String reason = call == null ? "no call" : station == null ? "no station" : pcap == null ? "no pcap"
                        : "no SDP of the media plane reached the caller, so no audio of theirs can be in the recording";
                return CompletableFuture.completedFuture(call == null ? new Outcome.NotKept(new CallId("unknown"), reason) : failed(call, reason));
            }
            long giveUpAt = System.nanoTime() + closeWithin.toNanos();
            worker.execute(() -> awaitClosed(call, station, pcap, caller, giveUpAt, done));
        } catch (RejectedExecutionException e) {
            done.complete(failed(call, "recordings are shut down"));
        } catch (RuntimeException e) {
            log.error("recording of call {} could not be started", call, e);
            done.complete(new Outcome.NotKept(call, "the recording could not be started: " + e));
        }
        return done;
    }

    /**
     * Waits (without holding the thread) until rtpengine has closed the pcap, or until {@code giveUpAt} ({@link System#nanoTime})
     * or shutdown, then keeps what is there.
     */
    private void awaitClosed(CallId call, StationId station, Path pcap, CallerMedia caller, long giveUpAt, CompletableFuture<Outcome> done) {
        try {
            if (!closed(pcap) && System.nanoTime() - giveUpAt < 0 && !worker.isShutdown()) {
                worker.schedule(() -> awaitClosed(call, station, pcap, caller, giveUpAt, done), POLL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            done.complete(keep(call, station, pcap, caller));
        } catch (RuntimeException | Error e) {
            log.error("recording of call {} failed", call, e);
            done.complete(failed(call, "the recording failed: " + e));
        }
    }

    /**
     * Whether rtpengine is done with the pcap: it writes {@code DIR/pcaps/X.pcap} through a buffer and, once the call is
     * torn down, closes it and moves {@code DIR/tmp/rtpengine-meta-X.tmp} to {@code DIR/metadata/rtpengine-meta-X.txt}. A
     * pcap outside that layout is taken as it is.
     */
    static boolean closed(Path pcap) {
        Path pcaps = pcap.toAbsolutePath().getParent();
        Path metadata = pcaps == null || pcaps.getParent() == null ? null : pcaps.getParent().resolve("metadata");
        if (metadata == null || !Files.isDirectory(metadata)) {
            return true;
        }
        String name = pcap.getFileName().toString();
        String stem = name.endsWith(".pcap") ? name.substring(0, name.length() - ".pcap".length()) : name;
        return Files.exists(metadata.resolve("rtpengine-meta-" + stem + ".txt"));
    }

    private Outcome keep(CallId call, StationId station, Path pcap, CallerMedia caller) {
        String file = RecordingFiles.fileOf(call, clock.instant());
        if (alreadyKept(call) || Files.exists(files.resolve(file))) {
            log.warn("call {} already has a recording; {} not kept again", call, pcap);
            return new Outcome.NotKept(call, "the call already has a recording");
        }
        if (!Files.isRegularFile(pcap)) {
            return failed(call, "rtpengine's pcap " + pcap + " is not there");
        }
        RecordingFiles.Written<CallAudio> written;
        try {
            written = files.write(file, out -> converter.convert(pcap, caller, out));
        } catch (UnreadableRecordingException e) {
            return failed(call, e.getMessage() + " (" + pcap + ")");
        } catch (IOException e) {
            log.error("recording of call {} could not be written to {}", call, files.root(), e);
            return failed(call, "the recording could not be written: " + e.getMessage());
        }
        CallAudio audio = written.result();
        Recording recording = new Recording(call, station, file, written.sha256(), written.bytes(), audio.duration(), clock.instant());
        try {
            Journal.awaitDurable(List.of(journal.append(new CallRecorded(call, station, recording.sha256(), recording.bytes(),
                    recording.duration().toMillis(), file, audio.complete(), audio.endProblem()), ACTOR)));
        } catch (RuntimeException e) {
            log.warn("call {}: the journal has not confirmed CallRecorded yet ({}); the recording is kept", call, e.getMessage());
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

    /** Journals why the call has no recording; on the recordings' thread, waits until the entry is durable. */
    private Outcome failed(CallId call, String reason) {
        log.warn("call {} not recorded: {}", call, reason);
        try {
            CompletableFuture<JournalEntry> entry = journal.append(new RecordingFailed(call, reason), ACTOR);
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
