package id.siaga.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The journal store port in memory, with a switch that makes it unreachable like a database that went away. */
public final class InMemoryJournalStore implements JournalStore {

    private final List<JournalEntry> rows = new ArrayList<>();
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private volatile boolean reachable = true;

    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    private void check() {
        if (!reachable) {
            throw new JournalStoreUnavailableException("in-memory store switched off", null);
        }
    }

    @Override
    public synchronized void append(List<JournalEntry> entries) {
        check();
        for (JournalEntry e : entries) {
            if (rows.stream().anyMatch(r -> r.node().equals(e.node()) && r.seq() == e.seq())) {
                throw new IllegalStateException("duplicate seq " + e.seq() + " of node " + e.node());
            }
        }
        rows.addAll(entries);
        batchSizes.add(entries.size());
    }

    @Override
    public synchronized Optional<JournalEntry> last(String node) {
        check();
        return rows.stream().filter(e -> e.node().equals(node)).max(Comparator.comparingLong(JournalEntry::seq));
    }

    @Override
    public synchronized List<String> nodes() {
        check();
        return rows.stream().map(JournalEntry::node).distinct().sorted().toList();
    }

    @Override
    public synchronized List<JournalEntry> bySubject(SubjectKind kind, String subjectId, int limit) {
        check();
        return rows.stream().filter(e -> e.subjectKind() == kind && e.subjectId().equals(subjectId))
                .sorted(JournalEntry.IN_ORDER.reversed()).limit(limit).toList();
    }

    @Override
    public synchronized void scan(String node, long fromSeq, Consumer<JournalEntry> sink) {
        check();
        rows.stream().filter(e -> e.node().equals(node) && e.seq() >= fromSeq).sorted(Comparator.comparingLong(JournalEntry::seq)).forEach(sink);
    }

    @Override
    public synchronized void ofTypesSince(java.util.Set<String> types, java.time.Instant from, Consumer<JournalEntry> sink) {
        check();
        rows.stream().filter(e -> types.contains(e.type()) && !e.at().isBefore(from)).sorted(JournalEntry.IN_ORDER)
                .forEach(sink);
    }

    @Override
    public synchronized long count() {
        check();
        return rows.size();
    }

    /** Replaces a stored row of the default node's chain, as someone with database access could. */
    public synchronized void tamper(long seq, java.util.function.UnaryOperator<JournalEntry> change) {
        tamper(Journal.DEFAULT_NODE, seq, change);
    }

    /** Replaces a stored row of {@code node}'s chain. */
    public synchronized void tamper(String node, long seq, java.util.function.UnaryOperator<JournalEntry> change) {
        rows.replaceAll(e -> e.node().equals(node) && e.seq() == seq ? change.apply(e) : e);
    }
}
