package id.siaga.routing;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import java.util.List;

/** Who may be rung at a station for this call right now: READY operators not already taken. */
@FunctionalInterface
public interface Availability {

    List<OperatorId> at(StationId station);
}
