package id.siaga.telephony;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where the summaries of finished calls are kept: the call history. */
public interface CallRecordStore {

    /** Keeps a record; saving a record with the same id again replaces it. */
    void save(CallRecord record);

    Optional<CallRecord> find(CallId id);

    /** Which of these calls have a record kept (start-up asks this of every call the journal shows finished). */
    Set<CallId> kept(Collection<CallId> calls);

    /**
     * Records of calls these stations were responsible for, offered within the window, newest first, at most
     * {@code limit}.
     */
    List<CallRecord> atStations(Collection<StationId> stations, Window window, int limit);

    /**
     * Records of one caller's calls (the number as the pipeline keys it, {@code +62…}) that these stations were
     * responsible for, newest first, at most {@code limit}: what an operator sees of a caller's earlier calls.
     */
    List<CallRecord> ofCaller(String callerNumber, Collection<StationId> stations, int limit);

    /** Offered at or after {@code from} and before {@code until}; either bound may be absent (null). */
    record Window(Instant from, Instant until) {

        public static final Window ALL = new Window(null, null);

        public Window {
            if (from != null && until != null && !from.isBefore(until)) {
                throw new IllegalArgumentException("the window must start before it ends, got " + from + " .. " + until);
            }
        }

        public Optional<Instant> start() {
            return Optional.ofNullable(from);
        }

        public Optional<Instant> end() {
            return Optional.ofNullable(until);
        }
    }
}
