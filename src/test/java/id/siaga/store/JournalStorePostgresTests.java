package id.siaga.store;

import id.siaga.journal.Journal;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.support.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The journal on the real PostgreSQL at 127.0.0.1:5432, including a database that goes away mid-stream. */
class JournalStorePostgresTests extends JournalStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Test
    void theDatabaseIsCutMidStreamAndNoEventIsLostOrDoubled() throws Exception {
        List<CompletableFuture<JournalEntry>> futures = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            if (i == 300) {
                db.cutOff();
            }
            if (i == 800) {
                db.restore();
            }
            futures.add(journal.append("PositionReported", SubjectKind.UNIT, "unit-7", "gps", Map.of("i", i)));
            if (i % 50 == 0) {
                Thread.sleep(20); // a steady stream, so batches straddle the cut
            }
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((journal.isSpooling() || countQuietly() < 1_000) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(store.count()).isEqualTo(1_000);
        List<JournalEntry> rows = new ArrayList<>();
        store.scan(Journal.DEFAULT_NODE, 1, rows::add);
        Set<String> payloads = new HashSet<>();
        rows.forEach(e -> payloads.add(e.payload()));
        assertThat(payloads).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(payloads).contains("{\"i\":" + i + "}");
        }
        assertThat(journal.verify().isIntact()).isTrue();
        assertThat(rows.get(999).seq()).isEqualTo(1_000);
    }

    private long countQuietly() {
        try {
            return store.count();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
