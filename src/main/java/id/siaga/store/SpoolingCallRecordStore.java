package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The call history, kept through a database outage: records the database cannot take wait in a spool (see
 * {@link SpooledWrites}) and are found there meanwhile by id.
 */
public final class SpoolingCallRecordStore implements CallRecordStore {

    private final CallRecordStore database;
    private final SpooledWrites<CallRecord> writes;

    public SpoolingCallRecordStore(CallRecordStore database, SpooledWrites<CallRecord> writes) {
        this.database = database;
        this.writes = writes;
    }

    /** The key records are spooled by. */
    public static String key(CallRecord r) {
        return r.id().value();
    }

    @Override
    public void save(CallRecord record) {
        writes.write(record);
    }

    @Override
    public Optional<CallRecord> find(CallId id) {
        Optional<CallRecord> waiting = writes.pending(id.value());
        return waiting.isPresent() ? waiting : database.find(id);
    }

    @Override
    public Set<CallId> kept(Collection<CallId> calls) {
        Set<CallId> kept = new java.util.HashSet<>(database.kept(calls));
        calls.stream().filter(c -> writes.pending(c.value()).isPresent()).forEach(kept::add);
        return kept;
    }

    @Override
    public List<CallRecord> atStations(Collection<StationId> stations, Window window, int limit) {
        writes.flush(); // a history read right after an outage shows what waited in the spool
        return database.atStations(stations, window, limit);
    }

    @Override
    public List<CallRecord> ofCaller(String callerNumber, Collection<StationId> stations, int limit) {
        writes.flush();
        return database.ofCaller(callerNumber, stations, limit);
    }
}
