package id.siaga.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal writer over the in-memory store: chain, group commit, spool and replay. */
class JournalTests {

    @TempDir
    Path dir;
    final InMemoryJournalStore store = new InMemoryJournalStore();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T03:00:00.123456789Z"), ZoneOffset.UTC);
    Journal journal;

    Journal open() {
        journal = new Journal(store, new JournalSpool(dir.resolve("spool.jsonl")), clock, 100, 10_000, Duration.ofMillis(50));
        return journal;
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void entriesAreNumberedChainedAndVerifiable() {
        open();
        List<JournalEntry> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            written.add(journal.append("CallOffered", SubjectKind.CALL, "call-" + i, "sip", Map.of("n", i)).join());
        }
        assertThat(written).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(written.get(0).prevHash()).isEqualTo(JournalChain.GENESIS);
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).prevHash()).isEqualTo(written.get(i - 1).hash());
        }
        assertThat(written.get(0).at()).as("kept to the microsecond, as the databases store it")
                .isEqualTo(Instant.parse("2026-11-28T03:00:00.123456Z"));
        assertThat(journal.verify()).isEqualTo(JournalVerification.of(java.util.List.of(new JournalVerification.Chain(Journal.DEFAULT_NODE, 10, 10, null, null))));
    }

    @Test
    void payloadsAreJsonWithSortedKeys() {
        open();
        record Answered(String operator, int tier, double secondsToAnswer) {
        }
        JournalEntry e = journal.append("CallAnswered", SubjectKind.CALL, "c1", "OP-3404-1", new Answered("OP-3404-1", 0, 4.5)).join();
        assertThat(e.payload()).isEqualTo("{\"operator\":\"OP-3404-1\",\"secondsToAnswer\":4.5,\"tier\":0}");
    }

    @Test
    void aTypedEventIsStoredAndChainedExactlyLikeItsStringForm() {
        record CallEscalated(String call, String from, String to, int tier) implements JournalEvent {
            @Override
            public SubjectKind subjectKind() {
                return SubjectKind.CALL;
            }

            @Override
            public String subjectId() {
                return call;
            }

            @Override
            public Object payload() {
                return Map.of("from", from, "to", to, "tier", tier);
            }
        }
        JournalEntry typed = open().append(new CallEscalated("c1", "POLRES-3404", "POLDA-DIY", 1), "routing").join();
        journal.close();

        InMemoryJournalStore other = new InMemoryJournalStore();
        try (Journal strings = new Journal(other, new JournalSpool(dir.resolve("other.jsonl")), clock, 100, 10_000, Duration.ofMillis(50))) {
            JournalEntry plain = strings.append("CallEscalated", SubjectKind.CALL, "c1", "routing",
                    Map.of("tier", 1, "to", "POLDA-DIY", "from", "POLRES-3404")).join();
            assertThat(typed.type()).as("the record's simple name").isEqualTo("CallEscalated");
            assertThat(typed.payload()).isEqualTo("{\"from\":\"POLRES-3404\",\"tier\":1,\"to\":\"POLDA-DIY\"}");
            assertThat(typed).isEqualTo(plain);
        }
    }

    @Test
    void concurrentAppendsAreGroupCommitted() throws Exception {
        open();
        List<CompletableFuture<JournalEntry>> futures = new ArrayList<>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    var f = journal.append("PositionReported", SubjectKind.UNIT, "unit-" + thread, "gps", Map.of("i", i));
                    synchronized (futures) {
                        futures.add(f);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(store.count()).isEqualTo(2_000);
        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).as("some batch held more than one event").isGreaterThan(1);
        assertThat(journal.verify().isIntact()).isTrue();
    }

    @Test
    void whileTheStoreIsAwayEntriesAreSpooledThenReplayedExactlyOnceInOrder() throws Exception {
        open();
        for (int i = 0; i < 5; i++) {
            journal.append("Before", SubjectKind.SYSTEM, "s", "test", Map.of("i", i)).join();
        }
        store.setReachable(false);
        List<CompletableFuture<JournalEntry>> during = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            during.add(journal.append("During", SubjectKind.SYSTEM, "s", "test", Map.of("i", i)));
        }
        CompletableFuture.allOf(during.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(journal.isSpooling()).isTrue();
        assertThat(Files.size(dir.resolve("spool.jsonl"))).isPositive();

        store.setReachable(true);
        JournalEntry after = journal.append("After", SubjectKind.SYSTEM, "s", "test", Map.of()).get(10, TimeUnit.SECONDS);
        awaitStored(306);
        assertThat(after.seq()).isEqualTo(306);
        assertThat(journal.isSpooling()).isFalse();
        List<JournalEntry> all = new ArrayList<>();
        store.scan(Journal.DEFAULT_NODE, 1, all::add);
        assertThat(all).extracting(JournalEntry::seq).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 306).boxed().toList());
        assertThat(all.subList(5, 305)).extracting(JournalEntry::payload)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300).mapToObj(i -> "{\"i\":" + i + "}").toList());
        assertThat(journal.verify().isIntact()).isTrue();
        assertThat(Files.size(dir.resolve("spool.jsonl"))).isZero();
    }

    @Test
    void aSpoolLeftByADeadProcessIsReplayedAtStartSkippingWhatTheStoreHas() throws IOException {
        open();
        journal.append("A", SubjectKind.SYSTEM, "s", "test", Map.of()).join();
        store.setReachable(false);
        journal.append("B", SubjectKind.SYSTEM, "s", "test", Map.of()).join();
        journal.append("C", SubjectKind.SYSTEM, "s", "test", Map.of()).join();
        journal.close();
        journal = null;
        // the process died mid-write: a torn last line
        Files.writeString(dir.resolve("spool.jsonl"), "{\"seq\":4,\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.setReachable(true);
        open();
        assertThat(store.count()).isEqualTo(3);
        JournalEntry d = journal.append("D", SubjectKind.SYSTEM, "s", "test", Map.of()).join();
        assertThat(d.seq()).isEqualTo(4);
        assertThat(journal.verify()).isEqualTo(JournalVerification.of(java.util.List.of(new JournalVerification.Chain(Journal.DEFAULT_NODE, 4, 4, null, null))));
    }

    @Test
    void verificationNamesTheFirstAlteredEntry() {
        open();
        for (int i = 0; i < 20; i++) {
            journal.append("CallOffered", SubjectKind.CALL, "c" + i, "sip", Map.of("i", i)).join();
        }
        store.tamper(7, e -> new JournalEntry(e.node(), e.seq(), e.at(), e.type(), e.subjectKind(), e.subjectId(), "someone else",
                e.payload(), e.prevHash(), e.hash()));
        JournalVerification v = journal.verify();
        assertThat(v.brokenAt()).contains(7L);
        assertThat(v.checked()).isEqualTo(6);
        assertThat(v.problem()).contains("altered");
    }

    private void awaitStored(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((store.count() < n || journal.isSpooling()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
