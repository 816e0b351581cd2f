package id.siaga.telephony;

import java.time.Instant;

/**
 * The summary of one finished call, kept for history and reports: who called, which station was
 * responsible, who answered at which tier and how fast, how it ended. The full story is in the journal.
 */
public record CallRecord(CallId id, String callerNumber, String dialled, String station, Instant offeredAt, Instant answeredAt,
                         Instant endedAt, Outcome outcome, String answeredBy, String answeredAtStation, Integer answeredTier,
                         String endedBy, String locationSource, Double latitude, Double longitude) {

    public enum Outcome {
        /** An operator answered and the call ended normally. */
        ANSWERED,
        /** The caller hung up before anyone answered. */
        ABANDONED,
        /** The caller ended the call within seconds of the answer (cut off): a call-back task was opened. */
        CUT_OFF,
        /**
         * The server stopped (a restart, a crash) while the call was unanswered or in progress: closed at the next
         * start from the journal; an unanswered one got a call-back task.
         */
        INTERRUPTED
    }
}
