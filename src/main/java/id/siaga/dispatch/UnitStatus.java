package id.siaga.dispatch;

/**
 * Where a field unit stands. The assignment cycle is AVAILABLE → DISPATCHED (alerted) → EN_ROUTE ("BERANGKAT")
 * → ON_SCENE ("TIBA") → back to AVAILABLE ("SELESAI") or RETURNING (escorting, back to the station).
 * OUT_OF_SERVICE is set by the unit or the station (refuelling, end of shift). OFFLINE is not set by anyone:
 * the unit's GPS has been silent longer than the configured time, so its position cannot be trusted and its
 * device needs a check.
 */
public enum UnitStatus {
    AVAILABLE, DISPATCHED, EN_ROUTE, ON_SCENE, RETURNING, OUT_OF_SERVICE, OFFLINE;

    /** Whether the unit is working on an incident. */
    public boolean isCommitted() {
        return this == DISPATCHED || this == EN_ROUTE || this == ON_SCENE;
    }
}
