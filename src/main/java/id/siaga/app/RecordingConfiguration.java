package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallStory;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.recording.RecordingRecovery;
import id.siaga.telephony.sip.SipEdge;
import id.siaga.store.JdbcRecordingStore;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.RecordingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recordings of calls: their directory, their index, the service that keeps and expires them (swept daily) and,
 * once the server is up, the recovery of the recordings an earlier run left unfinished.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RecordingProperties.class, SilenceProperties.class})
class RecordingConfiguration {

    @Bean
    RecordingStore recordingStore(JdbcTemplate jdbc) {
        return new JdbcRecordingStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    CallRecordings callRecordings(RecordingProperties props, JournalProperties journalProps, RecordingStore store, Journal journal, Clock clock) {
        Path dir = directory(props, journalProps);
        CallRecordings recordings = new CallRecordings(dir, props.recordingRetention(), props.recordingCloseTimeout(), store, journal, clock);
        recordings.start(Duration.ofDays(1));
        return recordings;
    }

    /** Whether an answered call's caller was silent in the first seconds, judged from its recording once it is kept. */
    @Bean
    SilenceSignal silenceSignal(CallRecordStore records, RecordingStore store, CallRecordings recordings, id.siaga.screening.Screening screening,
                                SilenceProperties props, ScreeningSignals signals) {
        return new SilenceSignal(records, store, recordings.directory(), screening, props.policy(), signals);
    }

    /**
     * Once the server is up, the recordings an earlier run started and never finished are finished (docs/MEDIA.md, After a
     * crash): after the call recovery, which ran while the call path was made, has closed that run's calls, and in the
     * background, so a long conversion never delays the start. rtpengine, when configured, is asked about calls it may
     * still hold; the calls the SIP edge carries now are left alone.
     */
    @Bean
    RecordingsAfterRestart recordingsAfterRestart(CallRecordings recordings, RecordingProperties props, TelephonyProperties telephony,
                                                  CallRecordStore records, Journal journal, ObjectProvider<Rtpengine> rtpengine,
                                                  ObjectProvider<SipEdge> edge) {
        StationId fallback = StationId.of(telephony.defaultStation());
        return new RecordingsAfterRestart(() -> {
            Rtpengine client = rtpengine.getIfAvailable();
            SipEdge sip = edge.getIfAvailable();
            Predicate<CallId> carried = sip == null ? call -> false : sip::carriesMedia;
            return new RecordingRecovery(recordings, client == null ? RecordingRecovery.MediaPlane.NONE : MediaConfiguration.recordingPlane(client),
                    call -> stationOf(call, records, journal, fallback, telephony.shortCall()), carried, props.recordingRetention(),
                    props.recordingRecoveryWait(), LOOK_AGAIN);
        });
    }

    /** How often rtpengine is asked again about a call an earlier run left on it, while it still holds it. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

    /** The call's responsible station: its record's, else as its journal tells it. */
    static Optional<StationId> stationOf(CallId call, CallRecordStore records, Journal journal, StationId fallback, Duration shortCall) {
        return records.find(call).map(r -> StationId.of(r.station()))
                .or(() -> CallStory.of(call, journal.bySubject(SubjectKind.CALL, call.value(), 1_000), fallback, shortCall)
                        .map(CallStory::responsible));
    }

    /** Starts the recovery of recordings when the application is ready (not while beans are still being made). */
    static final class RecordingsAfterRestart {
        private final Supplier<RecordingRecovery> recovery;

        RecordingsAfterRestart(Supplier<RecordingRecovery> recovery) {
            this.recovery = recovery;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void ready() {
            recovery.get().start();
        }
    }

    /** The configured directory, created if need be; one that cannot be written stops the start, naming the key. */
    static Path directory(RecordingProperties props, JournalProperties journal) {
        Path dir = props.recordingDir().isBlank() ? Path.of(journal.spoolFile()).toAbsolutePath().resolveSibling("recordings")
                : Path.of(props.recordingDir()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("siaga.media.recording-dir: cannot create " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalStateException("siaga.media.recording-dir: " + dir + " cannot be written");
        }
        return dir;
    }
}
