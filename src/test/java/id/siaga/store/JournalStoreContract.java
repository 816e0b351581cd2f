package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.Siaga110Application;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.JournalVerification;
import id.siaga.journal.SubjectKind;
import id.siaga.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a real database: the same stories on H2 and on PostgreSQL, each in a database of its own. */
abstract class JournalStoreContract {

    @TempDir
    Path dir;
    TestDatabase db;
    JdbcJournalStore store;
    Journal journal;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        store = new JdbcJournalStore(db.dataSource());
        journal = new Journal(store, new JournalSpool(dir.resolve("spool.jsonl")), Clock.systemUTC(), 500, 10_000, Duration.ofMillis(200));
    }

    @AfterEach
    void closeDatabase() {
        if (journal != null) {
            journal.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /**
     * A NUL in a subject or an actor (a tracker's device id, a SIP header: doors the HTTP text rule does not guard) is
     * refused by PostgreSQL in text: the batch, and every batch after it, would go to the spool and be retried for ever.
     * Such characters and lone surrogates are stored as U+FFFD, alike on both databases, and the chain holds.
     */
    @Test
    void aSubjectOrActorWithANulOrALoneSurrogateIsStoredAndDoesNotHoldBackTheEntriesAfterIt() {
        JournalEntry odd = journal.append("PositionRejected", SubjectKind.UNIT, "dev\u0000ice", "track\ud800er\n", Map.of("why", "a\u0000b"))
                .join();
        JournalEntry next = journal.append("CallOffered", SubjectKind.CALL, "call-1", "sip", Map.of()).join();
        assertThat(journal.isSpooling()).as("the database took both entries").isFalse();
        List<JournalEntry> read = new ArrayList<>();
        store.scan(Journal.DEFAULT_NODE, 1, read::add);
        assertThat(read).containsExactly(odd, next);
        assertThat(read.get(0).subjectId()).isEqualTo("dev\uFFFDice");
        assertThat(read.get(0).actor()).isEqualTo("track\uFFFDer\uFFFD");
        assertThat(read.get(0).payload()).isEqualTo("{\"why\":\"a\\u0000b\"}");
        assertThat(journal.verify()).isEqualTo(JournalVerification.of(java.util.List.of(new JournalVerification.Chain(Journal.DEFAULT_NODE, 2, 2, null, null))));
    }

    @Test
    void entriesComeBackExactlyAsWrittenAndTheChainHolds() {
        List<JournalEntry> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(journal.append("CallOffered", SubjectKind.CALL, "call-" + (i % 5), "sip",
                    Map.of("caller", "+62812345678" + i, "note", "ünïcødé \"quoted\" \\ ok")).join());
        }
        List<JournalEntry> read = new ArrayList<>();
        store.scan(Journal.DEFAULT_NODE, 1, read::add);
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(store.bySubject(SubjectKind.CALL, "call-3", 3)).extracting(JournalEntry::seq).containsExactly(49L, 44L, 39L);
        assertThat(store.last(Journal.DEFAULT_NODE)).contains(written.get(49));
        assertThat(journal.verify()).isEqualTo(JournalVerification.of(java.util.List.of(new JournalVerification.Chain(Journal.DEFAULT_NODE, 50, 50, null, null))));
    }

    @Test
    void startUpFindsEntriesOfSomeTypesSinceATimeInOrderAcrossPages() {
        List<JournalEntry> offers = new ArrayList<>();
        for (int i = 0; i < 5_100; i++) { // more than one page of the scan
            JournalEntry e = journal.append(i % 2 == 0 ? "CallOffered" : "LegRang", SubjectKind.CALL, "call-" + i, "sip", Map.of("i", i)).join();
            if (i % 2 == 0) {
                offers.add(e);
            }
        }
        JournalEntry ended = journal.append("CallEnded", SubjectKind.CALL, "call-0", "sip", Map.of()).join();
        java.time.Instant from = offers.get(100).at();
        List<JournalEntry> found = new ArrayList<>();
        store.ofTypesSince(java.util.Set.of("CallOffered", "CallEnded"), from, found::add);
        List<JournalEntry> expected = new ArrayList<>(offers.stream().filter(e -> !e.at().isBefore(from)).toList());
        expected.add(ended);
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void aRowEditedInTheDatabaseIsFoundByVerification() {
        for (int i = 0; i < 30; i++) {
            journal.append("OperatorPresenceChanged", SubjectKind.OPERATOR, "OP-3404-1", "operator.sleman1", Map.of("to", "READY", "i", i)).join();
        }
        db.execute("UPDATE journal_event SET payload = '{\"to\":\"AWAY\",\"i\":17}' WHERE seq = 18");
        JournalVerification v = journal.verify();
        assertThat(v.brokenAt()).contains(18L);
        assertThat(v.checked()).isEqualTo(17);
    }

    @Test
    void aDeletedRowIsFoundByVerification() {
        for (int i = 0; i < 10; i++) {
            journal.append("X", SubjectKind.SYSTEM, "s", "test", Map.of("i", i)).join();
        }
        db.execute("DELETE FROM journal_event WHERE seq = 4");
        assertThat(journal.verify().brokenAt()).contains(4L);
    }

    @Test
    void theCommandLineVerificationExitsNonZeroAtTheFirstBrokenEntry() {
        for (int i = 0; i < 12; i++) {
            journal.append("X", SubjectKind.SYSTEM, "s", "test", Map.of("i", i)).join();
        }
        journal.close();
        journal = null;
        String[] args = {"verify-journal", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=", "--siaga.journal.spool-file=" + dir.resolve("cli-spool.jsonl"),
                "--siaga.access.users-file=", "--siaga.org.dataset=DEMO", "--logging.level.root=WARN"};
        assertThat(Siaga110Application.verifyJournal(args)).isZero();
        db.execute("UPDATE journal_event SET actor = 'intruder' WHERE seq = 9");
        assertThat(Siaga110Application.verifyJournal(args)).isEqualTo(1);
    }

    /**
     * Two nodes of a cluster journal into one database at once, each its own chain: neither waits for the other, both
     * chains verify, a call's story reads across them in time order, and start-up's scan pages through both (more rows
     * than one page, all at one instant, so the paging key's node and sequence parts carry it).
     */
    @Test
    void twoNodesWriteTheirOwnChainsIntoOneDatabase() throws Exception {
        journal.close();
        Clock still = Clock.fixed(java.time.Instant.parse("2026-12-03T22:00:00Z"), java.time.ZoneOffset.UTC);
        journal = new Journal("siaga-a", store, new JournalSpool(dir.resolve("a.jsonl")), still, 500, 10_000, Duration.ofMillis(200));
        try (Journal b = new Journal("siaga-b", store, new JournalSpool(dir.resolve("b.jsonl")), still, 500, 10_000, Duration.ofMillis(200))) {
            Journal a = journal;
            Thread other = new Thread(() -> {
                for (int i = 0; i < 3_100; i++) {
                    b.append("CallOffered", SubjectKind.CALL, "b-" + i, "sip", Map.of("i", i));
                }
            });
            other.start();
            for (int i = 0; i < 3_100; i++) {
                a.append("CallOffered", SubjectKind.CALL, "a-" + i, "sip", Map.of("i", i));
            }
            other.join();
            a.append("CallOffered", SubjectKind.CALL, "shared", "sip", Map.of()).join();
            b.append("CallInterrupted", SubjectKind.CALL, "shared", "system", Map.of("reason", "node lost")).join();

            JournalVerification v = a.verify();
            assertThat(v.isIntact()).as(v.toString()).isTrue();
            assertThat(v.chains()).extracting(JournalVerification.Chain::node).containsExactly("siaga-a", "siaga-b");
            assertThat(v.chains()).extracting(JournalVerification.Chain::lastSeq).containsExactly(3_101L, 3_101L);
            assertThat(store.last("siaga-b")).map(JournalEntry::type).contains("CallInterrupted");
            assertThat(a.bySubject(SubjectKind.CALL, "shared", 10)).extracting(JournalEntry::node).containsExactly("siaga-b", "siaga-a");

            List<JournalEntry> offered = new ArrayList<>();
            store.ofTypesSince(java.util.Set.of("CallOffered"), still.instant(), offered::add);
            assertThat(offered).hasSize(6_201).isSortedAccordingTo(JournalEntry.IN_ORDER);
            assertThat(offered.stream().map(e -> e.node() + "/" + e.seq()).distinct()).hasSize(6_201);
        }
    }

    /** An edited row is found in its own chain, named; a row moved into another node's chain breaks both. */
    @Test
    void verificationNamesTheChainThatWasEdited() {
        journal.close();
        journal = new Journal("siaga-a", store, new JournalSpool(dir.resolve("a.jsonl")), Clock.systemUTC(), 500, 10_000, Duration.ofMillis(200));
        try (Journal b = new Journal("siaga-b", store, new JournalSpool(dir.resolve("b.jsonl")), Clock.systemUTC(), 500, 10_000,
                Duration.ofMillis(200))) {
            for (int i = 0; i < 10; i++) {
                journal.append("X", SubjectKind.SYSTEM, "s", "test", Map.of("i", i)).join();
                b.append("X", SubjectKind.SYSTEM, "s", "test", Map.of("i", i)).join();
            }
            db.execute("UPDATE journal_event SET actor = 'intruder' WHERE node = 'siaga-b' AND seq = 6");
            JournalVerification edited = journal.verify();
            assertThat(edited.brokenNode()).isEqualTo("siaga-b");
            assertThat(edited.brokenAt()).contains(6L);
            assertThat(edited.chains()).filteredOn(c -> c.node().equals("siaga-a")).singleElement()
                    .satisfies(c -> assertThat(c.isIntact()).isTrue());
            db.execute("UPDATE journal_event SET actor = 'test' WHERE node = 'siaga-b' AND seq = 6");
            assertThat(journal.verify().isIntact()).isTrue();

            db.execute("UPDATE journal_event SET node = 'siaga-c' WHERE node = 'siaga-a' AND seq = 3");
            JournalVerification moved = journal.verify();
            assertThat(moved.chains()).filteredOn(c -> !c.isIntact()).extracting(JournalVerification.Chain::node)
                    .containsExactly("siaga-a", "siaga-c");
        }
    }

    /** A journal written before nodes had chains becomes the chain of siaga-1 on the upgrade, and still verifies. */
    @Test
    void theUpgradeKeepsAnEarlierJournalAsTheChainOfTheDefaultNode() {
        journal.close();
        journal = null;
        db.close();
        db = TestDatabase.createAt(kind(), "15");
        JournalEntry prev = null;
        for (int seq = 1; seq <= 3; seq++) {
            java.time.Instant at = java.time.Instant.parse("2026-11-30T08:00:0" + seq + "Z");
            String prevHash = prev == null ? id.siaga.journal.JournalChain.GENESIS : prev.hash();
            String hash = id.siaga.journal.JournalChain.hash(prevHash, seq, at, "CallOffered", SubjectKind.CALL, "old-" + seq, "sip", "{}");
            db.execute("INSERT INTO journal_event (seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash) VALUES (" + seq
                    + ", TIMESTAMP WITH TIME ZONE '2026-11-30 08:00:0" + seq + "+00', 'CallOffered', 'CALL', 'old-" + seq + "', 'sip', '{}', '"
                    + prevHash + "', '" + hash + "')");
            prev = new JournalEntry(Journal.DEFAULT_NODE, seq, at, "CallOffered", SubjectKind.CALL, "old-" + seq, "sip", "{}", prevHash, hash);
        }
        db.migrateToLatest();
        store = new JdbcJournalStore(db.dataSource());
        journal = new Journal(store, new JournalSpool(dir.resolve("upgraded.jsonl")), Clock.systemUTC(), 500, 10_000, Duration.ofMillis(200));
        assertThat(journal.append("CallOffered", SubjectKind.CALL, "new", "sip", Map.of()).join().seq()).isEqualTo(4);
        JournalVerification v = journal.verify();
        assertThat(v.isIntact()).as(v.toString()).isTrue();
        assertThat(v.chains()).extracting(JournalVerification.Chain::node, JournalVerification.Chain::checked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Journal.DEFAULT_NODE, 4L));
    }
}
