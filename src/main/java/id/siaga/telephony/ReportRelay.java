package id.siaga.telephony;

import id.siaga.location.LocationFix;
import java.time.Instant;
import java.util.Optional;

/**
 * Location reports (AML) between the nodes of a cluster. A handset's report reaches whichever node the carrier's gateway
 * reached, while its caller's call may be on another: a report that finds no live call on the node that received it is
 * passed to every other node, and the one whose call it belongs to joins it there ({@link CallCoordinator#reportFromElsewhere}).
 * A single server passes nothing ({@link #NONE}).
 */
public interface ReportRelay {

    /**
     * A report as the receiving node had it: {@code receivedAt} is when it arrived there (its age on the operator's map
     * and the minute it is kept for a call not yet offered count from then); {@code endedCallFound} says that node
     * already joined it to a call of its own that had just ended, so no other node joins it to an ended call again.
     */
    record Report(String receivedBy, String callerNumber, LocationFix fix, boolean routable, Optional<Instant> callStart, String via,
                  Instant receivedAt, boolean endedCallFound) {
    }

    /** No cluster: nothing is passed on. */
    ReportRelay NONE = report -> false;

    /** Passes a report this node could not join to a live call to the other nodes, never waiting; false when there are none to tell. */
    boolean pass(Report report);
}
