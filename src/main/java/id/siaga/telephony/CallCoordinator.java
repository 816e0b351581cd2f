package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.location.Locator;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.org.PresenceChanged;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.routing.Availability;
import id.siaga.routing.EscalationLadder;
import id.siaga.routing.LadderAction;
import id.siaga.routing.LadderState;
import id.siaga.routing.LadderStep;
import id.siaga.routing.Leg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call pipeline, declared once: <b>locate → route → ring → escalate → record</b>. Every event of every
 * call is handled on one thread (the call loop), in arrival order, so "first answer wins" and the top
 * tier's queue order need no locks. Each decision is logged with its inputs and journalled.
 */
public final class CallCoordinator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallCoordinator.class);

    enum CallState { RINGING, ANSWERED, ENDED }

    /** One call in flight; touched only on the call loop. */
    private static final class ActiveCall {
        final IncomingCall incoming;
        final Instant offeredAt;
        final StationId responsible;
        LadderState ladder;
        ScheduledFuture<?> wake;
        CallState state = CallState.RINGING;
        Leg winner;
        Instant answeredAt;

        ActiveCall(IncomingCall incoming, Instant offeredAt, StationId responsible) {
            this.incoming = incoming;
            this.offeredAt = offeredAt;
            this.responsible = responsible;
        }
    }

    private final Locator locator;
    private final StationDirectory stations;
    private final PresenceBoard presence;
    private final Consumer<PresenceChangeRequest> presenceChanger;
    private final Map<OperatorId, Integer> talking = new java.util.HashMap<>();
    private volatile java.util.function.ToIntFunction<OperatorId> lines = op -> 1;
    private final EscalationLadder ladder;
    private final Journal journal;
    private final Clock clock;
    private final StationId defaultStation;
    private final Duration shortCall;
    private final Consumer<AbandonedCall> abandoned;
    private final ScheduledExecutorService loop;
    private final java.util.concurrent.ExecutorService afterCalls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "call-records");
        t.setDaemon(true);
        return t;
    });
    private final Map<CallId, ActiveCall> calls = new LinkedHashMap<>();
    /** Calls whose caller hung up before their offer reached the loop (a CANCEL right behind the INVITE). */
    private final Set<CallId> cancelledBeforeOffer = new java.util.HashSet<>();
    private volatile CallControl control;
    private final java.util.List<Consumer<CallUpdate>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Consumer<CallRecord> records = r -> { };
    /** Records of calls that have left the loop but are not yet kept by {@link #records}. */
    private final Map<CallId, CallRecord> justEnded = new java.util.concurrent.ConcurrentHashMap<>();

    /** A presence change the pipeline makes itself (BUSY while in a call, READY after), journalled by the caller. */
    public record PresenceChangeRequest(OperatorId operator, Presence to) {
    }

    public CallCoordinator(Locator locator, StationDirectory stations, PresenceBoard presence, Consumer<PresenceChangeRequest> presenceChanger,
                           EscalationLadder ladder, Journal journal, Clock clock, StationId defaultStation, Duration shortCall,
                           Consumer<AbandonedCall> abandoned) {
        this.locator = locator;
        this.stations = stations;
        this.presence = presence;
        this.presenceChanger = presenceChanger;
        this.ladder = ladder;
        this.journal = journal;
        this.clock = clock;
        this.defaultStation = defaultStation;
        this.shortCall = shortCall;
        this.abandoned = abandoned;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "call-loop");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Live updates of every call (offered, escalated, answered, ended), delivered on the call loop ("ended" on the
     * thread that keeps call records): listeners must be quick and thread-safe.
     */
    public void addListener(Consumer<CallUpdate> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<CallUpdate> listener) {
        listeners.remove(listener);
    }

    /**
     * How many calls a position takes at once before it counts as BUSY: 1 for a person at a phone (the default);
     * more for a position that is a hunt group or call-centre queue behind one SIP contact.
     */
    public void linesPerPosition(java.util.function.ToIntFunction<OperatorId> linesOf) {
        this.lines = linesOf;
    }

    /**
     * The record of a call that has just ended and is on its way to the history: a reader that no longer finds a
     * call among the live ones looks here before the history, so there is no moment when the call is nowhere.
     */
    public Optional<CallRecord> justEnded(CallId id) {
        return Optional.ofNullable(justEnded.get(id));
    }

    /** Where the summary of each finished call goes (the call history). */
    public void recordInto(Consumer<CallRecord> sink) {
        this.records = sink;
    }

    /** Connects the pipeline to the phone network; calls are refused until this is done. */
    public void attach(CallControl callControl) {
        this.control = callControl;
    }

    // ---- events from the network -------------------------------------------------------------------

    public void offer(IncomingCall call) {
        run(() -> doOffer(call));
    }

    public void legAnswered(CallId id, Leg leg) {
        run(() -> doLegAnswered(id, leg));
    }

    public void legFailed(CallId id, Leg leg, int status, String reason) {
        run(() -> doLegFailed(id, leg, status, reason));
    }

    public void callerCancelled(CallId id) {
        run(() -> doCallerCancelled(id));
    }

    public void callerHungUp(CallId id) {
        run(() -> doHangUp(id, "caller"));
    }

    public void operatorHungUp(CallId id) {
        run(() -> doHangUp(id, "operator"));
    }

    /** Every caller still waiting hears 180 again (RFC 3261 Timer C keep-alive), from the call loop. */
    public void ringWaitingCallersAgain() {
        run(() -> calls.values().stream().filter(c -> c.state == CallState.RINGING).forEach(c -> control().ringing(c.incoming.id())));
    }

    /** An operator's presence changed: a READY operator at the top is offered the oldest waiting call first. */
    public void presenceChanged(PresenceChanged change) {
        if (change.to() == Presence.READY) {
            run(this::offerWaitingCallsAtTop);
        }
    }

    /** Live calls, oldest first. */
    public List<CallView> live() {
        try {
            return loop.submit(() -> calls.values().stream().map(this::view).toList()).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new CallLoopBusyException();
        } catch (Exception e) {
            throw new IllegalStateException("the call loop did not answer: " + e, e);
        }
    }

    // ---- the pipeline ------------------------------------------------------------------------------

    private void doOffer(IncomingCall call) {
        try {
            offerOrFail(call);
        } catch (RuntimeException e) {
            // never leave a half-offered call behind: the caller is refused so the carrier can retry or re-route
            log.error("call {} from {} could not be offered; refusing it with 503", call.id(), call.callerNumber(), e);
            ActiveCall half = calls.remove(call.id());
            if (half != null && half.wake != null) {
                half.wake.cancel(false);
            }
            CallControl c = control;
            if (c != null) {
                c.rejectCaller(call.id(), 503, "Service Unavailable");
            }
        }
    }

    private void offerOrFail(IncomingCall call) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String id = call.id().value();
        if (cancelledBeforeOffer.remove(call.id())) {
            offerCancelled(call, now);
            return;
        }
        journal.append("CallOffered", SubjectKind.CALL, id, "network", Map.of("caller", call.callerNumber(), "dialled", call.dialled()));
        Route route = locate(call);
        ActiveCall active = new ActiveCall(call, now, route.chain.get(0).id());
        calls.put(call.id(), active);
        log.info("routed call {} from {} to {} by {}, tier 0", id, call.callerNumber(), route.chain.get(0).name(), route.why);
        journal.append("CallRouted", SubjectKind.CALL, id, "routing", Map.of("station", route.chain.get(0).id().value(),
                "stationName", route.chain.get(0).name(), "why", route.why,
                "chain", route.chain.stream().map(s -> s.id().value()).toList()));
        control().ringing(call.id());
        apply(active, ladder.start(route.chain, availabilityFor(call.id()), now));
        publish("offered", active);
    }

    private record Route(List<Station> chain, String why) {
    }

    /** The caller gave up before the offer was handled: recorded, refused with 487, and a call-back task opened. */
    private void offerCancelled(IncomingCall call, Instant now) {
        String id = call.id().value();
        journal.append("CallOffered", SubjectKind.CALL, id, "network", Map.of("caller", call.callerNumber(), "dialled", call.dialled()));
        Route route = locate(call);
        ActiveCall active = new ActiveCall(call, now, route.chain.get(0).id());
        active.ladder = new LadderState(route.chain, 0, null, List.of(), false, false);
        active.state = CallState.ENDED;
        control().rejectCaller(call.id(), 487, "Request Terminated");
        journal.append("CallAbandoned", SubjectKind.CALL, id, "caller", Map.of("secondsWaiting", 0.0, "tier", 0,
                "station", route.chain.get(0).id().value(), "beforeOffer", true));
        finish(active, now, CallRecord.Outcome.ABANDONED, "caller");
        AbandonedCall gone = new AbandonedCall(call.id(), call.callerNumber(), active.responsible, call.position(), now, now, false);
        aside("the call-back task of call " + id, () -> abandoned.accept(gone));
    }


    /** Locate: the caller's position through the jurisdiction index, or the default station. */
    private Route locate(IncomingCall call) {
        String id = call.id().value();
        if (call.location().isPresent()) {
            CallerPosition p = call.location().get();
            Map<String, Object> located = new LinkedHashMap<>();
            located.put("source", p.source());
            located.put("lat", p.latitude());
            located.put("lon", p.longitude());
            located.put("uncertaintyMeters", Double.isNaN(p.uncertaintyMeters()) ? null : p.uncertaintyMeters());
            located.put("method", p.method());
            journal.append("CallLocated", SubjectKind.CALL, id, "location", located);
            Locator.Located l = locator.locate(p.latitude(), p.longitude());
            String why = switch (l.match().decision()) {
                case INSIDE -> p.source() + (Double.isNaN(p.uncertaintyMeters()) ? "" : String.format(java.util.Locale.ROOT, " (±%.0f m)", p.uncertaintyMeters()))
                        + ", inside the jurisdiction";
                case NEAREST -> p.source() + String.format(java.util.Locale.ROOT, ", nearest jurisdiction %.0f m away", l.match().distanceMeters());
                case FALLBACK -> p.source() + ", in no jurisdiction: the root takes it";
            };
            return new Route(l.chain(), why);
        }
        journal.append("CallLocated", SubjectKind.CALL, id, "location", Map.of("source", "NONE",
                "problem", call.locationProblem() == null ? "the call carried no location" : call.locationProblem()));
        return new Route(stations.tree().chainToRoot(defaultStation), "no location: default station");
    }

    private void tick(CallId id) {
        ActiveCall call = calls.get(id);
        if (call != null && call.state == CallState.RINGING) {
            apply(call, ladder.tick(call.ladder, availabilityFor(id), clock.instant()));
        }
    }

    private void doLegAnswered(CallId id, Leg leg) {
        ActiveCall call = calls.get(id);
        if (call == null || call.state != CallState.RINGING || !call.ladder.isRinging(leg.operator())) {
            control().releaseLateAnswer(id, leg);
            journal.append("LateAnswerReleased", SubjectKind.CALL, id.value(), leg.operator().value(), Map.of("operator", leg.operator().value()));
            return;
        }
        Instant now = clock.instant();
        call.state = CallState.ANSWERED;
        call.winner = leg;
        call.answeredAt = now;
        control().connect(id, leg);
        LadderStep step = ladder.answered(call.ladder, leg.operator());
        double seconds = Duration.between(call.offeredAt, now).toMillis() / 1000.0;
        log.info("call {} answered by {} at {} (tier {}) after {} s", id, leg.operator(), leg.station(), leg.tier(), seconds);
        journal.append("CallAnswered", SubjectKind.CALL, id.value(), leg.operator().value(), Map.of("operator", leg.operator().value(),
                "station", leg.station().value(), "tier", leg.tier(), "secondsToAnswer", seconds, "responsibleStation", call.responsible.value()));
        int active = talking.merge(leg.operator(), 1, Integer::sum);
        if (active >= lines.applyAsInt(leg.operator())) {
            presenceChanger.accept(new PresenceChangeRequest(leg.operator(), Presence.BUSY));
        }
        apply(call, step);
        publish("answered", call);
    }

    private void doLegFailed(CallId id, Leg leg, int status, String reason) {
        ActiveCall call = calls.get(id);
        if (call == null || call.state != CallState.RINGING || !call.ladder.isRinging(leg.operator())) {
            return;
        }
        journal.append("LegFailed", SubjectKind.CALL, id.value(), leg.operator().value(), Map.of("operator", leg.operator().value(),
                "status", status, "reason", reason == null ? "" : reason));
        apply(call, ladder.legEnded(call.ladder, leg.operator(), availabilityFor(id), clock.instant()));
    }

    private void doCallerCancelled(CallId id) {
        ActiveCall call = calls.get(id);
        if (call != null && call.state == CallState.ANSWERED) {
            doHangUp(id, "caller"); // the CANCEL crossed the answer: the operator's leg is released
            return;
        }
        if (call == null) {
            cancelledBeforeOffer.add(id); // its offer is right behind in the queue
            return;
        }
        if (call.state != CallState.RINGING) {
            return;
        }
        Instant now = clock.instant();
        apply(call, ladder.abandoned(call.ladder));
        control().rejectCaller(id, 487, "Request Terminated");
        call.state = CallState.ENDED;
        double waited = Duration.between(call.offeredAt, now).toMillis() / 1000.0;
        log.info("call {} abandoned by {} after {} s at tier {}", id, call.incoming.callerNumber(), waited, call.ladder.tier());
        journal.append("CallAbandoned", SubjectKind.CALL, id.value(), "caller", Map.of("secondsWaiting", waited, "tier", Math.max(0, call.ladder.tier()),
                "station", call.ladder.current().id().value()));
        finish(call, now, CallRecord.Outcome.ABANDONED, "caller");
        AbandonedCall gone = new AbandonedCall(id, call.incoming.callerNumber(), call.responsible, call.incoming.position(), call.offeredAt, now, false);
        aside("the call-back task of call " + id, () -> abandoned.accept(gone));
    }

    private void doHangUp(CallId id, String by) {
        ActiveCall call = calls.get(id);
        if (call == null) {
            return;
        }
        if (call.state == CallState.RINGING && "caller".equals(by)) {
            doCallerCancelled(id);
            return;
        }
        if (call.state != CallState.ANSWERED) {
            return;
        }
        Instant now = clock.instant();
        if ("caller".equals(by)) {
            control().hangUpOperator(id, call.winner);
        } else {
            control().hangUpCaller(id);
        }
        call.state = CallState.ENDED;
        Duration talked = Duration.between(call.answeredAt, now);
        journal.append("CallEnded", SubjectKind.CALL, id.value(), by, Map.of("hungUpBy", by, "secondsTalking", talked.toMillis() / 1000.0,
                "operator", call.winner.operator().value()));
        Integer left = talking.computeIfPresent(call.winner.operator(), (op, n) -> n > 1 ? n - 1 : null);
        if (presence.presenceOf(call.winner.operator()) == Presence.BUSY && (left == null ? 0 : left) < lines.applyAsInt(call.winner.operator())) {
            presenceChanger.accept(new PresenceChangeRequest(call.winner.operator(), Presence.READY));
        }
        boolean cutOff = "caller".equals(by) && talked.compareTo(shortCall) < 0;
        finish(call, now, cutOff ? CallRecord.Outcome.CUT_OFF : CallRecord.Outcome.ANSWERED, by);
        if (cutOff) {
            AbandonedCall cut = new AbandonedCall(id, call.incoming.callerNumber(), call.responsible, call.incoming.position(), call.offeredAt, now, true);
            aside("the call-back task of call " + id, () -> abandoned.accept(cut));
        }
    }

    private void offerWaitingCallsAtTop() {
        for (ActiveCall call : new ArrayList<>(calls.values())) {
            if (call.state == CallState.RINGING && call.ladder.atTop()) {
                apply(call, ladder.tick(call.ladder, availabilityFor(call.incoming.id()), clock.instant()));
            }
        }
    }

    /** Carries out the ladder's decisions, records each, and sets the call's next wake-up. */
    private void apply(ActiveCall call, LadderStep step) {
        call.ladder = step.state();
        String id = call.incoming.id().value();
        for (LadderAction action : step.actions()) {
            if (action instanceof LadderAction.Ring r) {
                control().ringLeg(call.incoming.id(), r.leg(), call.incoming.callerNumber());
                journal.append("LegRang", SubjectKind.CALL, id, "routing", Map.of("operator", r.leg().operator().value(),
                        "station", r.leg().station().value(), "tier", r.leg().tier()));
            } else if (action instanceof LadderAction.Cancel c) {
                control().cancelLeg(call.incoming.id(), c.leg());
            } else if (action instanceof LadderAction.Escalated e) {
                log.info("call {} escalated {} -> {} ({}), missed by {}", id, e.from(), e.to(), e.reason(), e.missed());
                journal.append("CallEscalated", SubjectKind.CALL, id, "routing", Map.of("from", e.from().value(), "to", e.to().value(),
                        "tier", e.toTier(), "reason", e.reason().name(), "missed", e.missed().stream().map(OperatorId::value).toList()));
                if (call.state == CallState.RINGING && calls.containsKey(call.incoming.id())) {
                    publish("escalated", call);
                }
            } else if (action instanceof LadderAction.Queued q) {
                log.warn("call {} queued at {}: nobody READY anywhere on its chain", id, q.top());
                journal.append("CallQueued", SubjectKind.CALL, id, "routing", Map.of("station", q.top().value()));
            }
        }
        if (call.wake != null) {
            call.wake.cancel(false);
            call.wake = null;
        }
        call.ladder.wakeAt().ifPresent(at -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            call.wake = loop.schedule(() -> guarded(() -> tick(call.incoming.id())), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void finish(ActiveCall call, Instant endedAt, CallRecord.Outcome outcome, String endedBy) {
        if (call.wake != null) {
            call.wake.cancel(false);
        }
        calls.remove(call.incoming.id());
        CallUpdate ended = new CallUpdate("ended", view(call));
        CallerPosition p = call.incoming.position();
        CallRecord record = new CallRecord(call.incoming.id(), call.incoming.callerNumber(), call.incoming.dialled(), call.responsible.value(),
                call.offeredAt, call.answeredAt, endedAt, outcome, call.winner == null ? null : call.winner.operator().value(),
                call.winner == null ? null : call.winner.station().value(), call.winner == null ? null : call.winner.tier(), endedBy,
                p == null ? "NONE" : p.source(), p == null ? null : p.latitude(), p == null ? null : p.longitude());
        // the record is kept before consoles hear "ended", so one that reloads the history finds the call;
        // until it is kept, the call is found among the calls just ended
        justEnded.put(record.id(), record);
        aside("the record of call " + call.incoming.id(), () -> {
            try {
                records.accept(record);
            } finally {
                justEnded.remove(record.id());
            }
            notifyListeners(ended);
        });
    }

    /**
     * Database work after a call (its record, a call-back task) runs beside the call loop, never on it: a slow
     * or absent database must not hold up ringing and escalation of other calls. Failures are logged with what
     * was lost; the journal (which spools) still holds the whole story.
     */
    private void aside(String what, Runnable work) {
        afterCalls.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("could not keep {} (the journal still has the story)", what, e);
            }
        });
    }

    private void publish(String event, ActiveCall call) {
        if (!listeners.isEmpty()) {
            notifyListeners(new CallUpdate(event, view(call)));
        }
    }

    private void notifyListeners(CallUpdate update) {
        for (Consumer<CallUpdate> l : listeners) {
            try {
                l.accept(update);
            } catch (RuntimeException e) {
                log.warn("a call listener failed: {}", e.toString());
            }
        }
    }

    /** READY operators of a station; at the root, minus those already offered another waiting call. */
    private Availability availabilityFor(CallId id) {
        return station -> {
            List<OperatorId> ready = presence.readyAt(station).stream().map(o -> o.id()).toList();
            if (!station.equals(stations.tree().root().id())) {
                return ready;
            }
            Set<OperatorId> taken = new LinkedHashSet<>();
            for (ActiveCall other : calls.values()) {
                if (!other.incoming.id().equals(id) && other.state == CallState.RINGING) {
                    other.ladder.ringing().stream().filter(l -> l.station().equals(station)).forEach(l -> taken.add(l.operator()));
                }
            }
            return ready.stream().filter(op -> !taken.contains(op)).toList();
        };
    }

    private CallView view(ActiveCall c) {
        Instant now = clock.instant();
        Instant until = c.answeredAt == null ? now : c.answeredAt;
        CallerPosition p = c.incoming.position();
        List<Leg> legs = c.ladder == null ? List.of() : c.ladder.ringing();
        List<Leg> ringing = c.state == CallState.RINGING ? legs : List.of();
        return new CallView(c.incoming.id().value(), c.incoming.callerNumber(), c.state.name(), c.responsible.value(),
                c.ladder == null ? c.responsible.value() : c.ladder.current().id().value(), c.ladder == null ? 0 : Math.max(0, c.ladder.tier()),
                c.offeredAt, Duration.between(c.offeredAt, until).toMillis() / 1000.0, c.answeredAt,
                c.winner == null ? null : c.winner.operator().value(),
                ringing.stream().map(l -> l.operator().value()).toList(),
                legs.stream().map(l -> l.station().value()).distinct().toList(),
                p == null ? null : p.latitude(), p == null ? null : p.longitude(), p == null ? "NONE" : p.source());
    }

    private CallControl control() {
        CallControl c = control;
        if (c == null) {
            throw new IllegalStateException("no call control attached");
        }
        return c;
    }

    private void run(Runnable r) {
        loop.execute(() -> guarded(r));
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("call loop event failed; other calls go on", e);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        afterCalls.shutdown();
        try {
            afterCalls.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
