package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.store.JdbcRecordingStore;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.RecordingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The recordings of calls: their directory, their index and the service that keeps and expires them (swept daily). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingProperties.class)
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
