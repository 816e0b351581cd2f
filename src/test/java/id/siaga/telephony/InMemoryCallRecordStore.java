package id.siaga.telephony;

import id.siaga.org.StationId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The call history in a map, for tests of the rules around it. */
public final class InMemoryCallRecordStore implements CallRecordStore {

    private final Map<CallId, CallRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized void save(CallRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public synchronized Optional<CallRecord> find(CallId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized Set<CallId> kept(Collection<CallId> calls) {
        return calls.stream().filter(records::containsKey).collect(Collectors.toSet());
    }

    @Override
    public synchronized List<CallRecord> atStations(Collection<StationId> stations, Window window, int limit) {
        return records.values().stream().filter(r -> stations.contains(StationId.of(r.station())))
                .filter(r -> window.start().map(from -> !r.offeredAt().isBefore(from)).orElse(true))
                .filter(r -> window.end().map(until -> r.offeredAt().isBefore(until)).orElse(true))
                .sorted(Comparator.comparing(CallRecord::offeredAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<CallRecord> ofCaller(String callerNumber, Collection<StationId> stations, int limit) {
        return records.values().stream().filter(r -> r.callerNumber().equals(callerNumber) && stations.contains(StationId.of(r.station())))
                .sorted(Comparator.comparing(CallRecord::offeredAt).reversed()).limit(limit).toList();
    }

    public synchronized int size() {
        return records.size();
    }
}
