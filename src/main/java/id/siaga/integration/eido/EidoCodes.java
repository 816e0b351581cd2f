package id.siaga.integration.eido;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.UnitKind;
import id.siaga.dispatch.UnitStatus;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentType;
import java.util.List;

/**
 * Our codes in the registries NENA-STA-021 names, each choice once and on purpose. The internal code always travels
 * next to the common one, so a receiver that knows Siaga 110 loses nothing.
 */
public final class EidoCodes {

    private EidoCodes() {
    }

    /**
     * The EIDO-IncidentType-Common value (APCO ANS 2.103.2-2019) closest to our type. A prank call has no APCO code;
     * {@code INFO} (information only, nobody sent) is what it amounts to for a receiver.
     */
    public static String incidentType(IncidentType type) {
        return switch (type) {
            case TRAFFIC_ACCIDENT -> "MVAUNK";
            case THEFT -> "LARCENY";
            case ASSAULT -> "ASSAULT";
            case DOMESTIC_VIOLENCE -> "DVA";
            case BRAWL -> "FIGHT";
            case MISSING_PERSON -> "PERMISS";
            case PUBLIC_DISORDER -> "DISORD";
            case FIRE_MEDICAL_HANDOVER -> "ASSIST";
            case SILENT_EMERGENCY -> "911OPN";
            case TEXT_REPORT -> "ASSIST";
            case INFORMATION_REQUEST, PRANK -> "INFO";
        };
    }

    /**
     * Our priority (1 most urgent … 5 least) on the EIDO common scale (0 lowest … 10 highest): 1 → 10, 2 → 8, 3 → 6,
     * 4 → 4, 5 → 2. Evenly spread so that the order survives and the most urgent is the scale's top; 0 and odd values
     * are left for agencies with finer scales.
     */
    public static int commonPriority(int priority) {
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1 to 5, got " + priority);
        }
        return 12 - 2 * priority;
    }

    /**
     * The EIDO-IncidentStatus-Common values for our status. RESOLVED (the field is done, the station has not closed it)
     * has no common value and sends none; UNFOUNDED is Closed (nothing was there); a reopened incident adds ReOpened.
     */
    public static List<String> incidentStatus(IncidentStatus status, boolean reopened) {
        List<String> common = switch (status) {
            case NEW -> List.of("Active");
            case DISPATCHED -> List.of("Active", "ResourcesAssigned");
            case EN_ROUTE -> List.of("Active", "ResourcesEnroute");
            case ON_SCENE -> List.of("Active", "ResourcesOnscene");
            case RESOLVED -> List.of();
            case CLOSED, UNFOUNDED -> List.of("Closed");
            case CANCELLED -> List.of("Cancelled");
        };
        if (reopened && status.isOpen()) {
            return java.util.stream.Stream.concat(common.stream(), java.util.stream.Stream.of("ReOpened")).toList();
        }
        return common;
    }

    /** EIDO-EmergencyResourceType-Common: every kind of ours is a law enforcement patrol unit; the kind goes as internal text. */
    public static String resourceType(UnitKind kind) {
        return "PatrolUnit";
    }

    /** EIDO-PrimaryUnitStatus-Common of a unit's own status. */
    public static String primaryUnitStatus(UnitStatus status) {
        return switch (status) {
            case AVAILABLE -> "Available";
            case RETURNING -> "ConditionallyAvailable";
            case DISPATCHED, EN_ROUTE, ON_SCENE, OUT_OF_SERVICE, OFFLINE -> "NotAvailable";
        };
    }

    /** EIDO-PrimaryUnitStatus-Common when the unit's live status is not known: from its assignment to this incident. */
    public static String primaryUnitStatus(Assignment.State state) {
        return state.isActive() ? "NotAvailable" : "Available";
    }

    /** EIDO-SecondaryUnitStatus-Common of the unit's assignment to this incident. */
    public static String secondaryUnitStatus(Assignment.State state) {
        return switch (state) {
            case ALERTED -> "Dispatched";
            case ACKNOWLEDGED -> "Assigned";
            case EN_ROUTE -> "EnRoute";
            case ON_SCENE -> "OnScene";
            case CLEARED -> "Cleared";
            case CANCELLED -> "AssignmentCancelled";
        };
    }
}
