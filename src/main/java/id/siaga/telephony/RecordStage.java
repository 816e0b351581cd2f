package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import java.time.Instant;

/**
 * Record: a call that ended has its ending journalled, its summary kept in the history and, for a caller who gave up,
 * was lost, was cut off or was interrupted unanswered, a call-back task at the responsible station.
 */
final class RecordStage implements CallStage {

    private final LocationFusion fusion;

    RecordStage(LocationFusion fusion) {
        this.fusion = fusion;
    }

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (call.phase() != Call.Phase.ENDED || call.ending() == null) {
            return call;
        }
        Instant now = context.now();
        Call.Ending ending = call.ending();
        out.journal(ending.event(), ending.actor());
        LocationFix p = call.bestFix(fusion, now).orElse(null);
        IncomingCall in = call.incoming();
        CallRecord record = new CallRecord(call.id(), in.callerNumber(), in.dialled(), call.responsible().value(), call.offeredAt(),
                call.answeredAt(), now, ending.outcome(), call.winner() == null ? null : call.winner().operator().value(),
                call.winner() == null ? null : call.winner().station().value(), call.winner() == null ? null : call.winner().tier(),
                ending.endedBy(), p == null ? "NONE" : p.source().name(), p == null ? null : p.latitude(), p == null ? null : p.longitude());
        AbandonedCall callBack = ending.callBack()
                ? new AbandonedCall(call.id(), in.callerNumber(), call.responsible(), p, call.offeredAt(), now, call.answeredAt() != null)
                : null;
        out.add(new CallAction.Media(new MediaControl.Request.Release(call.id(), call.responsible())));
        out.add(new CallAction.Finish(record, callBack));
        return call;
    }
}
