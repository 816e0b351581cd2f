package id.siaga.telephony;

import id.siaga.org.StationId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where call-back tasks are kept. */
public interface CallbackTaskStore {

    void save(CallbackTask task);

    Optional<CallbackTask> find(String id);

    /** Tasks of these stations, not closed unless asked, newest first. */
    List<CallbackTask> atStations(Collection<StationId> stations, boolean includeClosed, int limit);
}
