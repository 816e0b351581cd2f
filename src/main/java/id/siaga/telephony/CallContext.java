package id.siaga.telephony;

import id.siaga.routing.Availability;
import java.time.Instant;

/**
 * What a stage may know beyond the call itself, fixed for the handling of one input: the time, who can be rung for
 * this call ({@code ringable}: READY operators, at the root minus those already offered another waiting call), who
 * may be offered it as a waiting call ({@code forWaiting}: READY and not ringing for any other unanswered call), and
 * how callers are watched, when waiting callers hear the announcement, and where flagged callers meet the gate.
 */
record CallContext(Instant now, Availability ringable, Availability forWaiting, CallerWatch watch, Announcement announcement, Gate gate) {
}
