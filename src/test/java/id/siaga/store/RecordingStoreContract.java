package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.CallId;
import id.siaga.telephony.recording.CallerSilence;
import id.siaga.telephony.recording.Recording;
import id.siaga.telephony.recording.RecordingStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The index of call recordings through each database: one row per call, every field kept, the oldest first for retention. */
abstract class RecordingStoreContract {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final String SHA = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

    TestDatabase db;
    RecordingStore recordings;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        recordings = new JdbcRecordingStore(new JdbcTemplate(db.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static Recording recording(String call, String recordedAt) {
        return new Recording(new CallId(call), SLEMAN, "2026/11/28/" + call + ".wav", SHA, 4_294_967_340L, Duration.ofMillis(67_108_871),
                Instant.parse(recordedAt));
    }

    @Test
    void aRecordingRoundTripsAndACallKeepsItsFirst() {
        Recording first = recording("call-1", "2026-11-28T01:02:03.456789Z");
        assertThat(recordings.add(first)).isTrue();
        Recording again = new Recording(first.call(), SLEMAN, "elsewhere.wav", SHA.replace('5', '6'), 1, Duration.ZERO, first.recordedAt());
        assertThat(recordings.add(again)).as("a call has one recording").isFalse();
        assertThat(recordings.find(first.call())).contains(first);
        assertThat(recordings.find(new CallId("call-2"))).isEmpty();
    }

    @Test
    void theLatestRecordingsOfTheStationsAskedForComeNewestFirst() {
        recordings.add(recording("call-1", "2026-11-28T01:00:00Z"));
        recordings.add(recording("call-2", "2026-11-28T03:00:00Z"));
        recordings.add(recording("call-3", "2026-11-28T02:00:00Z"));
        Recording bantul = new Recording(new CallId("call-4"), StationId.of("POLRES-3402"), "b.wav", SHA, 10, Duration.ofSeconds(1),
                Instant.parse("2026-11-28T04:00:00Z"));
        recordings.add(bantul);
        assertThat(recordings.latest(java.util.List.of(SLEMAN), 10)).extracting(r -> r.call().value()).containsExactly("call-2", "call-3", "call-1");
        assertThat(recordings.latest(java.util.List.of(SLEMAN, bantul.station()), 2)).extracting(r -> r.call().value())
                .containsExactly("call-4", "call-2");
        assertThat(recordings.latest(java.util.List.of(), 10)).isEmpty();
    }

    static final CallerSilence.Heard SILENT = new CallerSilence.Heard(CallerSilence.Verdict.SILENT, Duration.ofSeconds(5));
    static final CallerSilence.Heard NO_AUDIO = new CallerSilence.Heard(CallerSilence.Verdict.NO_CALLER_AUDIO, Duration.ofMillis(7_500));

    @Test
    void whatTheCallersFirstSecondsHeldIsNotedOnTheRecordingAndReadForAList() {
        recordings.add(recording("call-1", "2026-11-28T01:00:00Z"));
        recordings.add(recording("call-2", "2026-11-28T01:00:01Z"));
        recordings.add(recording("call-3", "2026-11-28T01:00:02Z"));
        assertThat(recordings.noteCallerSilence(new CallId("call-1"), SILENT)).isTrue();
        assertThat(recordings.noteCallerSilence(new CallId("call-2"), NO_AUDIO)).isTrue();
        assertThat(recordings.noteCallerSilence(new CallId("call-9"), SILENT)).as("no recording, nothing noted").isFalse();
        assertThat(recordings.callerSilences(java.util.List.of(new CallId("call-1"), new CallId("call-2"), new CallId("call-3"), new CallId("call-9"))))
                .containsOnly(java.util.Map.entry(new CallId("call-1"), SILENT),
                        java.util.Map.entry(new CallId("call-2"), NO_AUDIO));
        assertThat(recordings.find(new CallId("call-1"))).as("the recording itself is unchanged").contains(recording("call-1", "2026-11-28T01:00:00Z"));
        assertThat(recordings.callerSilences(java.util.List.of())).isEmpty();
    }

    @Test
    void aHistoryListLearnsWhichOfItsCallsWereRecordedAtOnce() {
        recordings.add(recording("call-1", "2026-11-28T01:00:00Z"));
        recordings.add(recording("call-700", "2026-11-28T01:00:00Z"));
        java.util.List<CallId> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            asked.add(new CallId("call-" + i));
        }
        assertThat(recordings.recorded(asked)).containsExactlyInAnyOrder(new CallId("call-1"), new CallId("call-700"));
        assertThat(recordings.recorded(java.util.List.of())).isEmpty();
    }

    @Test
    void retentionReadsTheOldestFirstUpToTheCutoffAndForgetsWhatItRemoves() {
        recordings.add(recording("call-new", "2026-11-28T09:00:00Z"));
        recordings.add(recording("call-old", "2025-10-01T09:00:00Z"));
        recordings.add(recording("call-older", "2025-09-01T09:00:00Z"));
        Instant cutoff = Instant.parse("2025-11-28T09:00:00Z");

        assertThat(recordings.keptBefore(cutoff, 10)).extracting(r -> r.call().value()).containsExactly("call-older", "call-old");
        assertThat(recordings.keptBefore(cutoff, 1)).extracting(r -> r.call().value()).containsExactly("call-older");
        assertThat(recordings.remove(new CallId("call-older"))).isTrue();
        assertThat(recordings.remove(new CallId("call-older"))).isFalse();
        assertThat(recordings.keptBefore(cutoff, 10)).extracting(r -> r.call().value()).containsExactly("call-old");
        assertThat(recordings.find(new CallId("call-new"))).isPresent();
    }
}
