package id.siaga.org;

import java.time.Instant;
import java.util.List;

/** The positions of a station whose phone can be rung now: a registered phone with a live binding, or a static contact. */
@FunctionalInterface
public interface PositionsWithPhone {

    List<Operator> at(StationId station, Instant now);
}
