package id.siaga.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands. The field lifecycle runs NEW → DISPATCHED → EN_ROUTE → ON_SCENE → RESOLVED →
 * CLOSED; CANCELLED (the caller or the station withdrew it) and UNFOUNDED (nothing was there, or a prank) end
 * it from any open state.
 */
public enum IncidentStatus {
    NEW, DISPATCHED, EN_ROUTE, ON_SCENE, RESOLVED, CLOSED, CANCELLED, UNFOUNDED;

    /** Whether the incident still needs work (anything before RESOLVED, apart from the two withdrawals). */
    public boolean isOpen() {
        return this == NEW || this == DISPATCHED || this == EN_ROUTE || this == ON_SCENE;
    }

    /** Whether nothing can follow. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED || this == UNFOUNDED;
    }

    /**
     * The states this one may move to. Field progress only goes forward, but may skip steps (a unit that
     * was already there goes straight to ON_SCENE); a resolved incident may be reopened to NEW when the
     * caller rings again before it is closed.
     */
    public Set<IncidentStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(DISPATCHED, EN_ROUTE, ON_SCENE, RESOLVED, CANCELLED, UNFOUNDED);
            case DISPATCHED -> EnumSet.of(EN_ROUTE, ON_SCENE, RESOLVED, CANCELLED, UNFOUNDED);
            case EN_ROUTE -> EnumSet.of(ON_SCENE, RESOLVED, CANCELLED, UNFOUNDED);
            case ON_SCENE -> EnumSet.of(RESOLVED, CANCELLED, UNFOUNDED);
            case RESOLVED -> EnumSet.of(CLOSED, NEW);
            case CLOSED, CANCELLED, UNFOUNDED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    public boolean canMoveTo(IncidentStatus to) {
        return next().contains(to);
    }
}
