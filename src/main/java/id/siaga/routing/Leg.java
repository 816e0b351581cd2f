package id.siaga.routing;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;

/** One operator phone ringing for a call, at a tier of the ladder (0 = the caller's own station). */
public record Leg(OperatorId operator, StationId station, int tier) {
}
