package id.siaga.telephony.recording;

import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The recordings' index in memory, for the service's tests; {@link #away} plays a database that is away. */
final class InMemoryRecordingStore implements RecordingStore {

    private final Map<CallId, Recording> rows = new ConcurrentHashMap<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final Map<CallId, CallerSilence.Heard> silences = new ConcurrentHashMap<>();

    /** The database goes away: finds fail until {@code adds} adds have failed too. */
    void away(int adds) {
        failing.set(adds);
    }

    @Override
    public boolean add(Recording recording) {
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the database is away");
        }
        return rows.putIfAbsent(recording.call(), recording) == null;
    }

    @Override
    public Optional<Recording> find(CallId call) {
        if (failing.get() > 0) {
            throw new IllegalStateException("the database is away");
        }
        return Optional.ofNullable(rows.get(call));
    }

    @Override
    public java.util.Set<CallId> recorded(java.util.Collection<CallId> calls) {
        return calls.stream().filter(rows::containsKey).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public List<Recording> latest(java.util.Collection<id.siaga.org.StationId> stations, int limit) {
        return rows.values().stream().filter(r -> stations.contains(r.station()))
                .sorted(Comparator.comparing(Recording::recordedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<Recording> keptBefore(Instant cutoff, int limit) {
        return rows.values().stream().filter(r -> r.recordedAt().isBefore(cutoff)).sorted(Comparator.comparing(Recording::recordedAt))
                .limit(limit).toList();
    }

    @Override
    public boolean noteCallerSilence(CallId call, CallerSilence.Heard heard) {
        if (!rows.containsKey(call)) {
            return false;
        }
        silences.put(call, heard);
        return true;
    }

    @Override
    public Map<CallId, CallerSilence.Heard> callerSilences(java.util.Collection<CallId> calls) {
        Map<CallId, CallerSilence.Heard> found = new java.util.HashMap<>();
        calls.forEach(c -> {
            if (silences.containsKey(c)) {
                found.put(c, silences.get(c));
            }
        });
        return found;
    }

    @Override
    public boolean remove(CallId call) {
        silences.remove(call);
        return rows.remove(call) != null;
    }
}
