package id.siaga.tracking;

/**
 * What became of one reported fix.
 *
 * @param reason null unless {@link Status#REJECTED}
 * @param detail the human-readable reason for a refusal (sent back to HTTP senders), else null
 */
public record IngestOutcome(Status status, RejectReason reason, String detail) {

    public enum Status {
        /** Moved the unit's live position forward; stored and told to listeners. */
        ACCEPTED,
        /** Older than the unit's live position: stored in history only. */
        OUT_OF_ORDER,
        /** The same device's fix at the same time again (a resend): nothing to do. */
        DUPLICATE,
        /** A sign of life without a position: last-seen refreshed. */
        HEARTBEAT,
        /** Refused: see {@link #reason()}. */
        REJECTED
    }

    static final IngestOutcome ACCEPTED = new IngestOutcome(Status.ACCEPTED, null, null);
    static final IngestOutcome OUT_OF_ORDER = new IngestOutcome(Status.OUT_OF_ORDER, null, null);
    static final IngestOutcome DUPLICATE = new IngestOutcome(Status.DUPLICATE, null, null);
    static final IngestOutcome HEARTBEAT = new IngestOutcome(Status.HEARTBEAT, null, null);

    static IngestOutcome rejected(RejectReason reason, String detail) {
        return new IngestOutcome(Status.REJECTED, reason, detail);
    }

    /** Taken in (whatever became of it), as opposed to refused. */
    public boolean isTaken() {
        return status != Status.REJECTED;
    }
}
