package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.location.LocationFusion;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.telephony.CallCoordinator.PresenceChangeRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what the pipeline decided: signalling through {@link CallControl}, media through {@link MediaControl},
 * the journal, the consoles' updates, presence (BUSY while all of a position's lines are in calls), and the record and
 * call-back task of a call that ended. Runs on the call loop; the records and tasks go to their stores beside it.
 */
final class CallEffects {

    private static final Logger log = LoggerFactory.getLogger(CallEffects.class);

    private final Journal journal;
    private final PresenceBoard presence;
    private final Consumer<PresenceChangeRequest> presenceChanger;
    private final Consumer<AbandonedCall> abandoned;
    private final LocationFusion fusion;
    /** Where records and call-back tasks are handed to their stores, beside the loop so a slow database never holds it. */
    private final CallLoop afterCalls;
    private final Map<OperatorId, Integer> talking = new HashMap<>();
    final List<Consumer<CallUpdate>> listeners = new CopyOnWriteArrayList<>();
    /** Records of calls that have left the loop but are not yet kept by {@link #records}. */
    private final Map<CallId, CallRecord> justEnded = new ConcurrentHashMap<>();
    volatile ToIntFunction<OperatorId> lines = op -> 1;
    volatile CallControl control;
    volatile MediaControl media = MediaControl.NONE;
    volatile Consumer<CallRecord> records = r -> { };
    volatile PhoneClaims claims = PhoneClaims.NONE;
    volatile java.util.function.BiConsumer<CallId, id.siaga.routing.Leg> claimRefused = (id, leg) -> { };

    CallEffects(Journal journal, PresenceBoard presence, Consumer<PresenceChangeRequest> presenceChanger, Consumer<AbandonedCall> abandoned,
                LocationFusion fusion, CallLoop afterCalls) {
        this.journal = journal;
        this.presence = presence;
        this.presenceChanger = presenceChanger;
        this.abandoned = abandoned;
        this.fusion = fusion;
        this.afterCalls = afterCalls;
    }

    Optional<CallRecord> justEnded(CallId id) {
        return Optional.ofNullable(justEnded.get(id));
    }

    void carryOut(Call call, CallAction action, Instant now) {
        CallId id = call.id();
        if (action instanceof CallAction.Journal j) {
            journal.append(j.event(), j.actor());
        } else if (action instanceof CallAction.Publish p) {
            if (!call.ended() && !listeners.isEmpty()) {
                notifyListeners(new CallUpdate(p.kind(), call.view(fusion, now)));
            }
        } else if (action instanceof CallAction.Ringback) {
            control().ringing(id);
        } else if (action instanceof CallAction.RingLeg r) {
            if (claims.claim(r.leg().operator(), id)) {
                control().ringLeg(id, r.leg(), call.callerNumber());
            } else {
                log.info("call {}: {}'s phone is rung by another node; not rung from here", id, r.leg().operator());
                claimRefused.accept(id, r.leg());
            }
        } else if (action instanceof CallAction.CancelLeg c) {
            control().cancelLeg(id, c.leg());
        } else if (action instanceof CallAction.Connect c) {
            control().connect(id, c.leg());
        } else if (action instanceof CallAction.ReleaseLateAnswer r) {
            control().releaseLateAnswer(id, r.leg());
        } else if (action instanceof CallAction.HangUpOperator h) {
            control().hangUpOperator(id, h.leg());
        } else if (action instanceof CallAction.HangUpCaller) {
            control().hangUpCaller(id);
        } else if (action instanceof CallAction.RejectCaller r) {
            control().rejectCaller(id, r.status(), r.phrase());
        } else if (action instanceof CallAction.ProbeCaller) {
            control().probeCaller(id);
        } else if (action instanceof CallAction.Media m) {
            media.handle(m.request());
        } else if (action instanceof CallAction.OperatorLine l) {
            operatorLine(l.operator(), l.taken());
        } else if (action instanceof CallAction.Finish f) {
            finish(call, f.record(), f.callBack(), now);
        }
    }

    /** A position counts as BUSY while all its lines are in calls, and READY again when one frees up. */
    private void operatorLine(OperatorId operator, boolean taken) {
        if (taken) {
            if (talking.merge(operator, 1, Integer::sum) >= lines.applyAsInt(operator)) {
                presenceChanger.accept(new PresenceChangeRequest(operator, Presence.BUSY));
            }
            return;
        }
        Integer left = talking.computeIfPresent(operator, (op, n) -> n > 1 ? n - 1 : null);
        if (presence.presenceOf(operator) == Presence.BUSY && (left == null ? 0 : left) < lines.applyAsInt(operator)) {
            presenceChanger.accept(new PresenceChangeRequest(operator, Presence.READY));
        }
    }

    /**
     * The record, and the call-back task of a caller who gave up, are kept before consoles hear "ended" (one thread, in
     * this order, each step even if the one before failed), so a console that reloads finds them; meanwhile the call is
     * found among the calls just ended.
     */
    private void finish(Call call, CallRecord record, AbandonedCall callBack, Instant now) {
        CallUpdate ended = new CallUpdate("ended", call.view(fusion, now));
        justEnded.put(record.id(), record);
        aside("the record of call " + call.id(), () -> {
            try {
                records.accept(record);
            } finally {
                justEnded.remove(record.id());
            }
        });
        if (callBack != null) {
            aside("the call-back task of call " + call.id(), () -> abandoned.accept(callBack));
        }
        aside("telling the consoles call " + call.id() + " ended", () -> notifyListeners(ended));
    }

    /** Database work after a call runs beside the loop; a failure is logged with what was lost (the journal has the story). */
    private void aside(String what, Runnable work) {
        afterCalls.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("could not keep {} (the journal still has the story; the next start restores it)", what, e);
            }
        });
    }

    void notifyListeners(CallUpdate update) {
        for (Consumer<CallUpdate> l : listeners) {
            try {
                l.accept(update);
            } catch (RuntimeException e) {
                log.warn("a call listener failed: {}", e.toString());
            }
        }
    }

    CallControl control() {
        CallControl c = control;
        if (c == null) {
            throw new IllegalStateException("no call control attached");
        }
        return c;
    }
}
