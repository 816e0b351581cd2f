package id.siaga.org;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Station names set by an administrator: the {@link StationDirectory} changed and each change recorded with who made it,
 * the name before and after. The stations API asks through this port; the recording (log, journal, the other nodes
 * told) belongs to whoever implements it.
 */
public interface StationNaming {

    /** Gives the station another name; empty when it already had it. */
    Optional<StationRenamed> rename(StationId station, String name, String by);

    /** Gives the station back the name its files give it; empty when it had it. */
    Optional<StationRenamed> restoreName(StationId station, String by);

    /** Renames several stations at once (an imported names file): all are saved or none is; the ones that changed. */
    List<StationRenamed> renameAll(Map<StationId, String> names, String by);
}
