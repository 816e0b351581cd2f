package id.siaga.telephony.recording;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The index of the kept recordings: one per call. */
public interface RecordingStore {

    /** Keeps a recording's row; false, changing nothing, when the call already has one. */
    boolean add(Recording recording);

    Optional<Recording> find(CallId call);

    /** Which of these calls have a recording: a history list asks this of its calls at once. */
    Set<CallId> recorded(Collection<CallId> calls);

    /** The latest recordings of calls these stations were responsible for, newest first, at most {@code limit}. */
    List<Recording> latest(Collection<StationId> stations, int limit);

    /** Recordings kept before {@code cutoff}, oldest first, at most {@code limit}: what the retention sweep removes. */
    List<Recording> keptBefore(Instant cutoff, int limit);

    /**
     * Notes what the caller's first seconds after the answer held, as the recording was judged ({@link CallerSilence});
     * false, changing nothing, when the call has no recording.
     */
    boolean noteCallerSilence(CallId call, CallerSilence.Heard heard);

    /** What was noted of these calls' callers ({@link #noteCallerSilence}); calls not judged are left out. */
    java.util.Map<CallId, CallerSilence.Heard> callerSilences(Collection<CallId> calls);

    /** Forgets a call's recording (its file is the caller's business); false when there was none. */
    boolean remove(CallId call);
}
