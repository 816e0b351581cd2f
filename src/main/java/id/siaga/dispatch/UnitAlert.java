package id.siaga.dispatch;

import java.time.Instant;

/**
 * What an officer's app or device receives when their unit is sent: enough to set off at once (what, how
 * urgent, where, with a navigation target), nothing about the caller beyond the report. {@code kind} is
 * DISPATCH for a new assignment, CANCEL when the unit is taken off, ON_SCENE_PROPOSED when the unit's GPS is
 * at the scene.
 */
public record UnitAlert(String kind, String unitId, String callSign, String assignmentId, String incidentId, String type, int priority,
                        Double latitude, Double longitude, String address, String description, Double distanceMeters,
                        Long etaSeconds, Instant at) {
}
