package id.siaga.telephony.recording;

import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The index of the kept recordings: one per call. */
public interface RecordingStore {

    /** Keeps a recording's row; false, changing nothing, when the call already has one. */
    boolean add(Recording recording);

    Optional<Recording> find(CallId call);

    /** Recordings kept before {@code cutoff}, oldest first, at most {@code limit}: what the retention sweep removes. */
    List<Recording> keptBefore(Instant cutoff, int limit);

    /** Forgets a call's recording (its file is the caller's business); false when there was none. */
    boolean remove(CallId call);
}
