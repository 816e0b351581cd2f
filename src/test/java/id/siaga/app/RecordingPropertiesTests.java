package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Where recordings go and how long they stay: a plain number of retention is days, and a wrong setting stops the start naming its key. */
class RecordingPropertiesTests {

    @TempDir
    Path dir;

    static RecordingProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("siaga.media", RecordingProperties.class);
    }

    static JournalProperties journalAt(Path spool) {
        return new JournalProperties(spool.toString(), 1000, 100000, Duration.ofSeconds(1));
    }

    @Test
    void byDefaultAYearBesideTheJournalsSpool() {
        RecordingProperties props = bind(Map.of());
        assertThat(props.recordingRetention()).isEqualTo(Duration.ofDays(365));
        assertThat(props.recordingCloseTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(props.recordingRecoveryWait()).isEqualTo(Duration.ofHours(12));
        assertThat(RecordingConfiguration.directory(props, journalAt(dir.resolve("data/journal-spool.jsonl"))))
                .isEqualTo(dir.resolve("data/recordings").toAbsolutePath()).isDirectory();
        assertThat(bind(Map.of("siaga.media.recording-retention", "730")).recordingRetention()).as("days").isEqualTo(Duration.ofDays(730));
    }

    @Test
    void aWrongSettingNamesItsKey() throws Exception {
        assertThatThrownBy(() -> bind(Map.of("siaga.media.recording-retention", "12h"))).rootCause()
                .hasMessage("siaga.media.recording-retention must be at least one day, got PT12H");
        assertThatThrownBy(() -> bind(Map.of("siaga.media.recording-recovery-wait", "-1m"))).rootCause()
                .hasMessage("siaga.media.recording-recovery-wait cannot be negative, got PT-1M");
        Path aFile = Files.writeString(dir.resolve("not-a-directory"), "");
        RecordingProperties props = bind(Map.of("siaga.media.recording-dir", aFile.resolve("recordings").toString()));
        assertThatThrownBy(() -> RecordingConfiguration.directory(props, journalAt(dir.resolve("spool.jsonl"))))
                .hasMessageStartingWith("siaga.media.recording-dir: cannot create " + aFile.resolve("recordings"));
    }
}
