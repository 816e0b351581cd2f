package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
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
    private static final class ActiveCall implements ReportMatching.Live {
        final IncomingCall incoming;
        final Instant offeredAt;
        /** The jurisdiction of the best routable location; moves when a better fix re-routes the call. */
        StationId responsible;
        /** Every location that arrived for the call, in arrival order. */
        final List<LocationFusion.Received> locations = new ArrayList<>();
        /** The fix the current route was decided on; null when it was an area code or the default station. */
        LocationFusion.Received routedOn;
        /** Routed but not yet ringing: waiting a moment for a better fix than a cell or an area code. */
        boolean waitingForFix;
        LadderState ladder;
        CallLoop.Timer wake;
        /** When the caller was last probed (or the call offered). */
        Instant probedAt;
        CallState state = CallState.RINGING;
        Leg winner;
        Instant answeredAt;

        ActiveCall(IncomingCall incoming, Instant offeredAt, StationId responsible) {
            this.incoming = incoming;
            this.offeredAt = offeredAt;
            this.responsible = responsible;
        }

        @Override
        public String callerNumber() {
            return incoming.callerNumber();
        }

        @Override
        public Instant offeredAt() {
            return offeredAt;
        }

        @Override
        public boolean ended() {
            return state == CallState.ENDED;
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
    private final LocationPolicy locationPolicy;
    /** Location reports that arrived before any call from their number, by number; touched only on the loop. */
    private final Map<String, List<LocationFusion.Received>> earlyReports = new java.util.HashMap<>();
    /** Calls that ended recently, by caller number, so a late location report still joins its call's story; loop only. */
    private final Map<String, java.util.ArrayDeque<EndedCall>> recentlyEnded = new java.util.HashMap<>();
    private final CallLoop loop;
    /** Where records and call-back tasks are handed to their stores, beside the loop so a slow database never holds it. */
    private final CallLoop afterCalls;
    private final Map<CallId, ActiveCall> calls = new LinkedHashMap<>();
    /** Calls whose caller hung up before their offer reached the loop (a CANCEL right behind the INVITE). */
    private final Set<CallId> cancelledBeforeOffer = new java.util.HashSet<>();
    private volatile CallControl control;
    private volatile CallerWatch watch = CallerWatch.NONE;
    private CallLoop.Timer sweep;
    private final java.util.List<Consumer<CallUpdate>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Consumer<CallRecord> records = r -> { };
    /** Records of calls that have left the loop but are not yet kept by {@link #records}. */
    private final Map<CallId, CallRecord> justEnded = new java.util.concurrent.ConcurrentHashMap<>();

    /** A presence change the pipeline makes itself (BUSY while in a call, READY after), journalled by the caller. */
    public record PresenceChangeRequest(OperatorId operator, Presence to) {
    }

    public CallCoordinator(Locator locator, StationDirectory stations, PresenceBoard presence, Consumer<PresenceChangeRequest> presenceChanger,
                           EscalationLadder ladder, Journal journal, Clock clock, StationId defaultStation, Duration shortCall,
                           Consumer<AbandonedCall> abandoned, LocationPolicy locationPolicy) {
        this(locator, stations, presence, presenceChanger, ladder, journal, clock, defaultStation, shortCall, abandoned, locationPolicy,
                CallLoop.singleThread("call-loop"), CallLoop.singleThread("call-records"));
    }

    /** With the loops given: tests pass loops that run in place on a clock they move by hand. */
    public CallCoordinator(Locator locator, StationDirectory stations, PresenceBoard presence, Consumer<PresenceChangeRequest> presenceChanger,
                           EscalationLadder ladder, Journal journal, Clock clock, StationId defaultStation, Duration shortCall,
                           Consumer<AbandonedCall> abandoned, LocationPolicy locationPolicy, CallLoop loop, CallLoop afterCalls) {
        this.loop = loop;
        this.afterCalls = afterCalls;
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
        this.locationPolicy = locationPolicy;
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

    /**
     * Watches unanswered calls: probes their callers every {@code watch.probeInterval()}, ends those that waited
     * {@code watch.maxWait()} with a call-back task, and refuses calls from an untrusted source beyond its limit.
     */
    public void watchCallers(CallerWatch callerWatch) {
        this.watch = callerWatch;
        loop.execute(() -> {
            if (sweep != null) {
                sweep.cancel();
            }
            scheduleSweep(callerWatch);
        });
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

    /**
     * A location report from outside the call (AML by SMS or HTTPS) for the caller {@code callerNumber}
     * (normalised, +62…): joined to that caller's live call (and, when better and still ringing elsewhere,
     * re-routing it), or to a call that just ended, or kept a minute for a call not yet offered. Journalled
     * either way. {@code callStart} is when the handset says its call started, if it said.
     */
    public void locationReport(String callerNumber, LocationFix fix, boolean routable, Optional<Instant> callStart, String via) {
        run(() -> doLocationReport(callerNumber, fix, routable, callStart, via));
    }

    /** A fix for one known call (a location fetched by reference for it), joined like any later report. */
    public void locationOfCall(CallId id, LocationFix fix, boolean routable, String via) {
        run(() -> {
            ActiveCall call = calls.get(id);
            if (call == null) {
                journal.append("CallLocated", SubjectKind.CALL, id.value(), "location", Map.of("source", fix.source().name(), "via", via,
                        "lat", fix.latitude(), "lon", fix.longitude(), "afterEnd", true));
                return;
            }
            joinReport(call, new LocationFusion.Received(fix, clock.instant(), routable), via);
        });
    }

    /** A location the call should have had could not be obtained (a reference that could not be fetched); journalled. */
    public void locationProblem(CallId id, String problem) {
        journal.append("CallLocationUnavailable", SubjectKind.CALL, id.value(), "location", Map.of("problem", problem));
    }

    public void callerCancelled(CallId id) {
        run(() -> doCallerCancelled(id));
    }

    /**
     * The caller is no longer there although no CANCEL or BYE came (a liveness probe went unanswered, or was
     * answered "no such call"): the call ends as abandoned and its station gets a call-back task.
     */
    public void callerGone(CallId id, String why) {
        run(() -> doCallerGone(id, why));
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

    /**
     * An operator's presence changed: an operator who turns READY anywhere on a waiting call's chain (its own Polres
     * first, up to where the call has climbed) is offered the oldest waiting call first.
     */
    public void presenceChanged(PresenceChanged change) {
        if (change.to() == Presence.READY) {
            run(this::offerWaitingCalls);
        }
    }

    /**
     * The server is stopping: every live call is closed now rather than left to the next start. A caller still waiting
     * is refused with 503 (a carrier or the cluster's dispatcher can try another node) and gets a call-back task; an
     * answered call keeps its media (it flows between the phones) but is journalled interrupted. Waits until each
     * call's record and task are handed to their stores.
     */
    public void interruptAll(String reason) {
        try {
            loop.call(() -> {
                guarded(() -> new ArrayList<>(calls.values()).forEach(c -> interrupt(c, reason)));
                return null;
            }, Duration.ofSeconds(10));
            afterCalls.call(() -> null, Duration.ofSeconds(10));
        } catch (java.util.concurrent.TimeoutException e) {
            log.error("live calls not all closed within 10 s at shutdown; the next start closes the rest from the journal");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            log.error("live calls could not be closed at shutdown; the next start closes them from the journal", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void interrupt(ActiveCall call, String reason) {
        Instant now = clock.instant();
        CallId id = call.incoming.id();
        boolean answered = call.state == CallState.ANSWERED;
        if (!answered) {
            apply(call, ladder.abandoned(call.ladder));
            control().rejectCaller(id, 503, "Service Unavailable");
        }
        call.state = CallState.ENDED;
        journal.append("CallInterrupted", SubjectKind.CALL, id.value(), "system", Map.of("reason", reason,
                "wasState", answered ? "ANSWERED" : "RINGING", "station", call.responsible.value(),
                "secondsSinceOffer", Duration.between(call.offeredAt, now).toMillis() / 1000.0));
        log.warn("call {} from {} interrupted ({}){}", id, call.incoming.callerNumber(), reason, answered ? "" : "; call-back task at " + call.responsible);
        AbandonedCall callBack = answered ? null : new AbandonedCall(id, call.incoming.callerNumber(), call.responsible, bestFix(call),
                call.offeredAt, now, false);
        finish(call, now, CallRecord.Outcome.INTERRUPTED, "system", callBack);
    }

    /** Live calls, oldest first. */
    public List<CallView> live() {
        try {
            return loop.call(() -> calls.values().stream().map(this::view).toList(), Duration.ofSeconds(5));
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
            journal.append("CallRefused", SubjectKind.CALL, call.id().value(), "system", Map.of("status", 503,
                    "reason", "the call could not be offered (an internal fault, logged with the call id)"));
            ActiveCall half = calls.remove(call.id());
            if (half != null && half.wake != null) {
                half.wake.cancel();
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
        if (overSourceLimit(call)) {
            return;
        }
        journal.append("CallOffered", SubjectKind.CALL, id, "network", Map.of("caller", call.callerNumber(), "dialled", call.dialled()));
        ActiveCall active = new ActiveCall(call, now, defaultStation);
        active.probedAt = now;
        locate(active, now);
        Route route = route(active, now);
        active.responsible = route.chain.get(0).id();
        active.routedOn = route.on;
        active.ladder = new LadderState(route.chain, 0, null, List.of(), false, false);
        calls.put(call.id(), active);
        log.info("routed call {} from {} to {} by {}, tier 0", id, call.callerNumber(), route.chain.get(0).name(), route.why);
        journalRouted(id, route);
        control().ringing(call.id());
        if (shouldWaitForFix(route)) {
            active.waitingForFix = true;
            journal.append("RoutingWaits", SubjectKind.CALL, id, "routing", Map.of("seconds", locationPolicy.routeWait().toMillis() / 1000.0,
                    "why", "only " + (route.on == null ? "an area code or the default station" : "a cell") + " so far"));
            active.wake = loop.schedule(() -> guarded(() -> startRinging(call.id())), locationPolicy.routeWait());
        } else {
            apply(active, ladder.start(route.chain, availabilityFor(call.id()), now));
        }
        publish("offered", active);
    }

    /**
     * A source that is not a trusted trunk may have only so many unanswered calls at once: beyond that the call is
     * refused with 503 and journalled (a flood of forged INVITEs from one address cannot fill the queue; a genuine
     * caller behind that address is one of the calls already ringing).
     */
    private boolean overSourceLimit(IncomingCall call) {
        CallerWatch w = watch;
        String source = call.source();
        if (!w.limits(source)) {
            return false;
        }
        long unanswered = calls.values().stream().filter(c -> c.state == CallState.RINGING && source.equals(c.incoming.source())).count();
        if (unanswered < w.maxUnansweredPerSource()) {
            return false;
        }
        log.warn("call {} from {} refused: {} unanswered calls already from {}", call.id(), call.callerNumber(), unanswered, source);
        journal.append("CallRefused", SubjectKind.CALL, call.id().value(), "network", Map.of("status", 503, "caller", call.callerNumber(),
                "source", source, "reason", "too many unanswered calls from one source (" + unanswered + ", limit " + w.maxUnansweredPerSource() + ")"));
        control().rejectCaller(call.id(), 503, "Service Unavailable");
        return true;
    }

    private void scheduleSweep(CallerWatch w) {
        sweep = loop.schedule(() -> {
            guarded(this::sweepWaitingCalls);
            if (watch == w) {
                scheduleSweep(w);
            }
        }, w.sweepEvery());
    }

    /** Probes the callers of unanswered calls that are due, and ends the calls that waited longest than allowed. */
    private void sweepWaitingCalls() {
        CallerWatch w = watch;
        Instant now = clock.instant();
        for (ActiveCall call : new ArrayList<>(calls.values())) {
            if (call.state != CallState.RINGING) {
                continue;
            }
            if (Duration.between(call.offeredAt, now).compareTo(w.maxWait()) >= 0) {
                endUnanswered(call, now, 480, "Temporarily Unavailable", "unanswered after the longest wait allowed (" + w.maxWait() + ")", "CallTimedOut");
            } else if (!w.probeInterval().isZero() && Duration.between(call.probedAt, now).compareTo(w.probeInterval()) >= 0) {
                call.probedAt = now;
                control().probeCaller(call.incoming.id());
            }
        }
    }

    /** The short wait for a better fix is over: the call rings where its best location now points. */
    private void startRinging(CallId id) {
        ActiveCall call = calls.get(id);
        if (call == null || call.state != CallState.RINGING || !call.waitingForFix) {
            return;
        }
        call.waitingForFix = false;
        call.wake = null;
        apply(call, ladder.start(call.ladder.chain(), availabilityFor(id), clock.instant()));
    }

    private boolean shouldWaitForFix(Route route) {
        return !locationPolicy.routeWait().isZero()
                && (route.on == null || route.on.quality().compareTo(id.siaga.location.FixQuality.CELL) >= 0);
    }

    private void journalRouted(String id, Route route) {
        journal.append("CallRouted", SubjectKind.CALL, id, "routing", Map.of("station", route.chain.get(0).id().value(),
                "stationName", route.chain.get(0).name(), "why", route.why,
                "chain", route.chain.stream().map(s -> s.id().value()).toList()));
    }

    /** A station chain and why; {@code on} is the fix it was decided on, null for an area code or the default. */
    private record Route(List<Station> chain, String why, LocationFusion.Received on) {
    }

    /** A finished call a late location report may still belong to. */
    private record EndedCall(CallId id, Instant offeredAt, Instant endedAt) {
    }

    /** The caller gave up before the offer was handled: recorded, refused with 487, and a call-back task opened. */
    private void offerCancelled(IncomingCall call, Instant now) {
        String id = call.id().value();
        journal.append("CallOffered", SubjectKind.CALL, id, "network", Map.of("caller", call.callerNumber(), "dialled", call.dialled()));
        ActiveCall active = new ActiveCall(call, now, defaultStation);
        locate(active, now);
        Route route = route(active, now);
        active.responsible = route.chain.get(0).id();
        active.ladder = new LadderState(route.chain, 0, null, List.of(), false, false);
        active.state = CallState.ENDED;
        control().rejectCaller(call.id(), 487, "Request Terminated");
        journal.append("CallAbandoned", SubjectKind.CALL, id, "caller", Map.of("secondsWaiting", 0.0, "tier", 0,
                "station", route.chain.get(0).id().value(), "beforeOffer", true));
        AbandonedCall gone = new AbandonedCall(call.id(), call.callerNumber(), active.responsible, bestFix(active), now, now, false);
        finish(active, now, CallRecord.Outcome.ABANDONED, "caller", gone);
    }


    /** Locate: every fix the call brought, and any report that arrived for this caller before the call, joins its history. */
    private void locate(ActiveCall call, Instant now) {
        IncomingCall in = call.incoming;
        for (LocationFix f : in.routable()) {
            addFix(call, new LocationFusion.Received(f, now, true), "call");
        }
        for (LocationFix f : in.displayOnly()) {
            addFix(call, new LocationFusion.Received(f, now, false), "call");
        }
        List<LocationFusion.Received> early = earlyReports.remove(in.callerNumber());
        if (early != null) {
            early.stream().filter(r -> Duration.between(r.receivedAt(), now).compareTo(LocationPolicy.EARLY_REPORT_WAIT) <= 0)
                    .forEach(r -> addFix(call, r, "report before the call"));
        }
        if (call.locations.isEmpty()) {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("source", "NONE");
            none.put("problem", in.locationProblem() == null ? "the call carried no location" : in.locationProblem());
            in.areaCode().ifPresent(s -> none.put("areaCodeStation", s.value()));
            journal.append("CallLocated", SubjectKind.CALL, in.id().value(), "location", none);
        }
    }

    private void addFix(ActiveCall call, LocationFusion.Received r, String via) {
        call.locations.add(r);
        LocationFix p = r.fix();
        Map<String, Object> located = new LinkedHashMap<>();
        located.put("source", p.source().name());
        located.put("lat", p.latitude());
        located.put("lon", p.longitude());
        located.put("uncertaintyMeters", p.hasUncertainty() ? p.uncertaintyMeters() : null);
        located.put("method", p.method());
        located.put("measuredAt", r.measuredAt().toString());
        located.put("routable", r.routable());
        located.put("via", via);
        journal.append("CallLocated", SubjectKind.CALL, call.incoming.id().value(), "location", located);
    }

    /** Route: the jurisdiction of the best routable fix, else the area code's station, else the default station. */
    private Route route(ActiveCall call, Instant now) {
        List<LocationFusion.Received> routable = call.locations.stream().filter(LocationFusion.Received::routable).toList();
        Optional<LocationFusion.Received> best = locationPolicy.fusion().best(routable, now);
        if (best.isPresent()) {
            return routeOn(best.get());
        }
        if (call.incoming.areaCode().isPresent() && stations.tree().contains(call.incoming.areaCode().get())) {
            return new Route(stations.tree().chainToRoot(call.incoming.areaCode().get()), "fixed-line area code", null);
        }
        String why = call.locations.isEmpty() ? "no location: default station" : "no location usable for routing: default station";
        return new Route(stations.tree().chainToRoot(defaultStation), why, null);
    }

    private Route routeOn(LocationFusion.Received on) {
        LocationFix p = on.fix();
        Locator.Located l = locator.locate(p.latitude(), p.longitude());
        String source = p.source().name();
        String why = switch (l.match().decision()) {
            case INSIDE -> source + (p.hasUncertainty() ? String.format(java.util.Locale.ROOT, " (±%.0f m)", p.uncertaintyMeters()) : "")
                    + ", inside the jurisdiction";
            case NEAREST -> source + String.format(java.util.Locale.ROOT, ", nearest jurisdiction %.0f m away", l.match().distanceMeters());
            case FALLBACK -> source + ", in no jurisdiction: the root takes it";
        };
        return new Route(l.chain(), why, on);
    }

    private LocationFix bestFix(ActiveCall call) {
        return locationPolicy.fusion().best(call.locations, clock.instant()).map(LocationFusion.Received::fix).orElse(null);
    }

    private void doLocationReport(String number, LocationFix fix, boolean routable, Optional<Instant> callStart, String via) {
        Instant now = clock.instant();
        LocationFusion.Received r = new LocationFusion.Received(fix, now, routable);
        ActiveCall call = liveCallOf(number, callStart, now);
        if (call == null) {
            EndedCall ended = endedCallOf(number, now);
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("source", fix.source().name());
            about.put("via", via);
            if (ended != null) {
                about.put("lat", fix.latitude());
                about.put("lon", fix.longitude());
                about.put("uncertaintyMeters", fix.hasUncertainty() ? fix.uncertaintyMeters() : null);
                about.put("afterEnd", true);
                journal.append("CallLocated", SubjectKind.CALL, ended.id().value(), "location", about);
                return;
            }
            earlyReports.computeIfAbsent(number, n -> new ArrayList<>()).add(r);
            earlyReports.values().forEach(l -> l.removeIf(e -> Duration.between(e.receivedAt(), now).compareTo(LocationPolicy.EARLY_REPORT_WAIT) > 0));
            earlyReports.values().removeIf(List::isEmpty);
            about.put("caller", number);
            about.put("kept", "up to " + LocationPolicy.EARLY_REPORT_WAIT.toSeconds() + " s for a call from this number");
            journal.append("LocationUnmatched", SubjectKind.SYSTEM, "location", "location", about);
            return;
        }
        joinReport(call, r, via);
    }

    /** A later fix joins the call's history; when it is better and the call still rings elsewhere, the call moves. */
    private void joinReport(ActiveCall call, LocationFusion.Received r, String via) {
        Instant now = r.receivedAt();
        LocationFix fix = r.fix();
        addFix(call, r, via);
        if (call.state == CallState.RINGING && r.routable() && locationPolicy.reroute() && locationPolicy.fusion().improves(r, Optional.ofNullable(call.routedOn), now)) {
            Route route = routeOn(r);
            StationId from = call.responsible;
            StationId to = route.chain.get(0).id();
            call.routedOn = r;
            if (!to.equals(from)) {
                String id = call.incoming.id().value();
                String why = "re-routed by " + fix.source().name() + " from " + stations.tree().get(from).name() + " to " + route.chain.get(0).name();
                log.info("call {} {}", id, why);
                call.responsible = to;
                journal.append("CallRerouted", SubjectKind.CALL, id, "routing", Map.of("from", from.value(), "to", to.value(),
                        "why", why, "by", fix.source().name(), "chain", route.chain.stream().map(s -> s.id().value()).toList()));
                if (call.waitingForFix) {
                    call.ladder = new LadderState(route.chain, 0, null, List.of(), false, false);
                } else {
                    apply(call, ladder.abandoned(call.ladder)); // the phones of the old jurisdiction stop ringing
                    apply(call, ladder.start(route.chain, availabilityFor(call.incoming.id()), now));
                }
                publish("rerouted", call);
                return;
            }
        }
        publish("located", call);
    }

    /** The live call of this caller a report belongs to: offered within the window, nearest the handset's call start, else the newest. */
    private ActiveCall liveCallOf(String number, Optional<Instant> callStart, Instant now) {
        return ReportMatching.match(calls.values(), number, callStart, now, locationPolicy.matchWindow());
    }

    /** A number that called more often than this within the match window is a flood; only its latest calls can take a late report. */
    private static final int RECENT_CALLS_PER_NUMBER = 20;

    private boolean outsideMatchWindow(EndedCall e, Instant now) {
        return e != null && Duration.between(e.offeredAt(), now).compareTo(locationPolicy.matchWindow()) > 0;
    }

    private EndedCall endedCallOf(String number, Instant now) {
        java.util.ArrayDeque<EndedCall> ended = recentlyEnded.get(number);
        if (ended == null) {
            return null;
        }
        ended.removeIf(e -> outsideMatchWindow(e, now));
        if (ended.isEmpty()) {
            recentlyEnded.remove(number);
            return null;
        }
        return ended.peekLast();
    }

    private void tick(CallId id) {
        ActiveCall call = calls.get(id);
        if (call != null && call.state == CallState.RINGING && !call.waitingForFix) {
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
        AbandonedCall gone = new AbandonedCall(id, call.incoming.callerNumber(), call.responsible, bestFix(call), call.offeredAt, now, false);
        finish(call, now, CallRecord.Outcome.ABANDONED, "caller", gone);
    }

    private void doCallerGone(CallId id, String why) {
        ActiveCall call = calls.get(id);
        if (call == null) {
            return;
        }
        if (call.state == CallState.ANSWERED) {
            doHangUp(id, "caller");
            return;
        }
        if (call.state == CallState.RINGING) {
            endUnanswered(call, clock.instant(), 408, "Request Timeout", why, "CallerGone");
        }
    }

    /**
     * Ends an unanswered call the caller did not end: every phone stops ringing, the caller (if still there) gets
     * {@code status}, and the station gets a call-back task. Journalled as {@code CallAbandoned} with the reason.
     */
    private void endUnanswered(ActiveCall call, Instant now, int status, String phrase, String why, String kind) {
        CallId id = call.incoming.id();
        apply(call, ladder.abandoned(call.ladder));
        control().rejectCaller(id, status, phrase);
        call.state = CallState.ENDED;
        double waited = Duration.between(call.offeredAt, now).toMillis() / 1000.0;
        log.warn("call {} from {} ended after {} s at tier {}: {}", id, call.incoming.callerNumber(), waited, call.ladder.tier(), why);
        journal.append("CallAbandoned", SubjectKind.CALL, id.value(), "liveness", Map.of("secondsWaiting", waited,
                "tier", Math.max(0, call.ladder.tier()), "station", call.ladder.current().id().value(), "endedBy", kind, "why", why));
        AbandonedCall gone = new AbandonedCall(id, call.incoming.callerNumber(), call.responsible, bestFix(call), call.offeredAt, now, false);
        finish(call, now, CallRecord.Outcome.ABANDONED, "system", gone);
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
        AbandonedCall cut = cutOff ? new AbandonedCall(id, call.incoming.callerNumber(), call.responsible, bestFix(call), call.offeredAt, now, true) : null;
        finish(call, now, cutOff ? CallRecord.Outcome.CUT_OFF : CallRecord.Outcome.ANSWERED, by, cut);
    }

    private void offerWaitingCalls() {
        Instant now = clock.instant();
        for (ActiveCall call : new ArrayList<>(calls.values())) { // in offer order: the oldest call first
            if (call.state == CallState.RINGING && !call.waitingForFix) {
                apply(call, ladder.offerWaiting(call.ladder, notRingingForAnotherCall(call.incoming.id()), now));
            }
        }
    }

    /** READY operators of a station who are not already ringing for another unanswered call: one waiting call each. */
    private Availability notRingingForAnotherCall(CallId id) {
        return station -> {
            Set<OperatorId> taken = new LinkedHashSet<>();
            for (ActiveCall other : calls.values()) {
                if (!other.incoming.id().equals(id) && other.state == CallState.RINGING && other.ladder != null) {
                    other.ladder.ringing().forEach(l -> taken.add(l.operator()));
                }
            }
            return presence.readyAt(station).stream().map(o -> o.id()).filter(op -> !taken.contains(op)).toList();
        };
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
            call.wake.cancel();
            call.wake = null;
        }
        call.ladder.wakeAt().ifPresent(at -> {
            call.wake = loop.schedule(() -> guarded(() -> tick(call.incoming.id())), Duration.between(clock.instant(), at));
        });
    }

    /** @param callBack the call-back task to open for a caller who gave up or was cut off, or null */
    private void finish(ActiveCall call, Instant endedAt, CallRecord.Outcome outcome, String endedBy, AbandonedCall callBack) {
        if (call.wake != null) {
            call.wake.cancel();
        }
        calls.remove(call.incoming.id());
        CallUpdate ended = new CallUpdate("ended", view(call));
        java.util.ArrayDeque<EndedCall> sameNumber = recentlyEnded.computeIfAbsent(call.incoming.callerNumber(), n -> new java.util.ArrayDeque<>());
        sameNumber.addLast(new EndedCall(call.incoming.id(), call.offeredAt, endedAt));
        // oldest first: drop what has left the window, and keep at most the last few calls of one number
        while (sameNumber.size() > RECENT_CALLS_PER_NUMBER || outsideMatchWindow(sameNumber.peekFirst(), endedAt)) {
            sameNumber.pollFirst();
        }
        if (recentlyEnded.size() > 10_000) {
            recentlyEnded.values().forEach(d -> d.removeIf(e -> outsideMatchWindow(e, endedAt)));
            recentlyEnded.values().removeIf(java.util.ArrayDeque::isEmpty);
        }
        LocationFix p = bestFix(call);
        CallRecord record = new CallRecord(call.incoming.id(), call.incoming.callerNumber(), call.incoming.dialled(), call.responsible.value(),
                call.offeredAt, call.answeredAt, endedAt, outcome, call.winner == null ? null : call.winner.operator().value(),
                call.winner == null ? null : call.winner.station().value(), call.winner == null ? null : call.winner.tier(), endedBy,
                p == null ? "NONE" : p.source().name(), p == null ? null : p.latitude(), p == null ? null : p.longitude());
        // the record, and the call-back task of a caller who gave up, are kept before consoles hear "ended", so one
        // that reloads the history or the call-back list finds them; until the record is kept, the call is found
        // among the calls just ended
        justEnded.put(record.id(), record);
        // (one thread, in this order; each step runs even if the one before failed)
        aside("the record of call " + call.incoming.id(), () -> {
            try {
                records.accept(record);
            } finally {
                justEnded.remove(record.id());
            }
        });
        if (callBack != null) {
            aside("the call-back task of call " + call.incoming.id(), () -> abandoned.accept(callBack));
        }
        aside("telling the consoles call " + call.incoming.id() + " ended", () -> notifyListeners(ended));
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
        Optional<LocationFusion.Received> best = locationPolicy.fusion().best(c.locations, now);
        LocationFix p = best.map(LocationFusion.Received::fix).orElse(null);
        List<Leg> legs = c.ladder == null ? List.of() : c.ladder.ringing();
        List<Leg> ringing = c.state == CallState.RINGING ? legs : List.of();
        return new CallView(c.incoming.id().value(), c.incoming.callerNumber(), c.state.name(), c.responsible.value(),
                c.ladder == null ? c.responsible.value() : c.ladder.current().id().value(), c.ladder == null ? 0 : Math.max(0, c.ladder.tier()),
                c.offeredAt, Duration.between(c.offeredAt, until).toMillis() / 1000.0, c.answeredAt,
                c.winner == null ? null : c.winner.operator().value(),
                ringing.stream().map(l -> l.operator().value()).toList(),
                legs.stream().map(l -> l.station().value()).distinct().toList(),
                p == null ? null : p.latitude(), p == null ? null : p.longitude(), p == null ? "NONE" : p.source().name(),
                p == null || !p.hasUncertainty() ? null : p.uncertaintyMeters(), p == null ? null : p.method(),
                best.map(r -> r.age(now).toMillis() / 1000.0).orElse(null));
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
        if (sweep != null) {
            sweep.cancel();
        }
        loop.close();
        afterCalls.close();
    }
}
