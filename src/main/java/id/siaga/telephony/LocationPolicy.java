package id.siaga.telephony;

import id.siaga.location.LocationFusion;
import java.time.Duration;

/**
 * How the call pipeline uses locations that arrive over time.
 *
 * @param fusion      picks each call's best fix
 * @param routeWait   a call that arrives with only a cell, an area code or nothing waits this long (hearing 180)
 *                    for a better fix before its phones ring; zero rings at once
 * @param reroute     a better fix that arrives while the call is still ringing, and lies in another station's
 *                    jurisdiction, moves the call there
 * @param matchWindow a location report (AML) is matched to the caller's call offered at most this long before it
 *                    arrived; a report that arrives before its call waits at most a minute for it
 */
public record LocationPolicy(LocationFusion fusion, Duration routeWait, boolean reroute, Duration matchWindow) {

    /** How long a report that arrived before its call (an AML SMS overtaking the INVITE) is kept for it. */
    public static final Duration EARLY_REPORT_WAIT = Duration.ofMinutes(1);
}
