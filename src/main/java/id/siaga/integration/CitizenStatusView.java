package id.siaga.integration;

import java.time.Instant;
import java.util.List;

/**
 * What the citizen's status page shows of a report, and nothing more: the kind of report (its Bahasa label),
 * the steps it has reached with their times, and the ETA while a unit is on its way. No names, numbers,
 * addresses, places, unit call signs or officer identities.
 *
 * @param state      the last step reached: RECEIVED, ASSIGNED, EN_ROUTE, ARRIVED, DONE, or WITHDRAWN when the report
 *                   was closed without a unit's work (cancelled, unfounded)
 * @param steps      RECEIVED, ASSIGNED, EN_ROUTE, ARRIVED, DONE in that order; {@code at} is null for a step not reached
 * @param etaSeconds while a unit is assigned or on its way: the estimated seconds until it arrives, else null
 * @param zoneId     the time zone of the responsible station (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)
 */
public record CitizenStatusView(String state, String type, List<Step> steps, Long etaSeconds, Instant etaAt, String zoneId,
                                Instant updatedAt) {

    public record Step(String step, Instant at) {
    }
}
