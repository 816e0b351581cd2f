package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.support.ManualClock;
import id.siaga.telephony.CallId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor listens to a call for twenty minutes, seeking now and then: one listen. They come back after a coffee:
 * another. A colleague listening at the same time is their own listen.
 */
class RecordingListensTests {

    static final CallId CALL = new CallId("call-1");

    @TempDir
    Path dir;
    ManualClock clock = new ManualClock(Instant.parse("2026-12-03T08:00:00Z"));
    InMemoryJournalStore store = new InMemoryJournalStore();
    Journal journal;
    RecordingListens listens;

    @BeforeEach
    void open() {
        journal = new Journal(store, new JournalSpool(dir.resolve("spool.jsonl")), clock, 10, 100, Duration.ofMillis(50));
        listens = new RecordingListens(journal, clock);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void requestsCloserThanFiveMinutesContinueTheListen() {
        assertThat(listens.heard("supervisor.diy", CALL, true, 0)).isTrue();
        for (int minute = 0; minute < 20; minute += 4) {
            clock.advance(Duration.ofMinutes(4));
            assertThat(listens.heard("supervisor.diy", CALL, true, 1000L * minute)).as("a seek at minute %d", minute + 4).isFalse();
        }
        assertThat(listens.heard("operator.sleman1", CALL, false, 0)).as("someone else").isTrue();
        assertThat(listens.heard("supervisor.diy", new CallId("call-2"), true, 0)).as("another call").isTrue();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(listens.heard("supervisor.diy", CALL, true, 0)).as("back after a break").isTrue();

        assertThat(store.count()).isEqualTo(4);
    }
}
