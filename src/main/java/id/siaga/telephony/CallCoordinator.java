package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.location.Locator;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.org.PresenceChanged;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.routing.EscalationLadder;
import id.siaga.routing.Leg;
import id.siaga.screening.Reputation;
import id.siaga.screening.Standing;
import id.siaga.telephony.event.CallLocated;
import id.siaga.telephony.event.CallLocationUnavailable;
import id.siaga.telephony.event.CallRefused;
import id.siaga.telephony.event.KeyPressed;
import id.siaga.telephony.event.LateAnswerReleased;
import id.siaga.telephony.event.LocationUnmatched;
import id.siaga.telephony.event.MediaUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call loop: takes what the network and the consoles report, runs it through the {@link CallPipeline} (where every
 * decision is made) one input at a time on the {@link CallLoop}, and carries out the actions: signalling through
 * {@link CallControl}, media through {@link MediaControl}, the journal, the consoles, presence, and the record and
 * call-back task of every call that ends. Nothing here decides how a call goes.
 */
public final class CallCoordinator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallCoordinator.class);

    /** A presence change the pipeline makes itself (BUSY while in a call, READY after), journalled by the caller. */
    public record PresenceChangeRequest(OperatorId operator, Presence to) {
    }

    private final CallPipeline pipeline;
    private final StationDirectory stations;
    private final PresenceBoard presence;
    private final Journal journal;
    private final Clock clock;
    private final StationId defaultStation;
    private final LocationPolicy locationPolicy;
    private final CallLoop loop;
    private final CallLoop afterCalls;
    private final CallEffects effects;
    // touched only on the loop
    private final Map<CallId, Call> calls = new LinkedHashMap<>();
    private final CallTimers timers;
    private final LocationReports reports;
    /** Calls whose caller hung up before their offer reached the loop (a CANCEL right behind the INVITE). */
    private final Set<CallId> cancelledBeforeOffer = new HashSet<>();
    private CallLoop.Timer sweep;

    private volatile ReportRelay reportRelay = ReportRelay.NONE;
    private volatile CallerWatch watch = CallerWatch.NONE;
    private volatile Announcement announcement = Announcement.NONE;
    private volatile Gate gate = Gate.OFF;
    private volatile Reputation screening;

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
        this.pipeline = new CallPipeline(locator, stations, defaultStation, locationPolicy, ladder, shortCall);
        this.stations = stations;
        this.presence = presence;
        this.journal = journal;
        this.clock = clock;
        this.defaultStation = defaultStation;
        this.locationPolicy = locationPolicy;
        this.reports = new LocationReports(locationPolicy.matchWindow());
        this.loop = loop;
        this.afterCalls = afterCalls;
        this.timers = new CallTimers(loop, clock);
        this.effects = new CallEffects(journal, presence, presenceChanger, abandoned, locationPolicy.fusion(), afterCalls);
    }

    // ---- wiring ------------------------------------------------------------------------------------

    /** Live updates of every call, on the call loop ("ended" on the thread that keeps records): listeners must be quick and thread-safe. */
    public void addListener(Consumer<CallUpdate> listener) {
        effects.listeners.add(listener);
    }

    public void removeListener(Consumer<CallUpdate> listener) {
        effects.listeners.remove(listener);
    }

    /** Calls a position takes at once before it counts as BUSY: 1 for a person at a phone; more for a hunt group. */
    public void linesPerPosition(ToIntFunction<OperatorId> linesOf) {
        effects.lines = linesOf;
    }

    /** Where the summary of each finished call goes (the call history). */
    public void recordInto(Consumer<CallRecord> sink) {
        effects.records = sink;
    }

    /** Connects the pipeline to the phone network; calls are refused until this is done. */
    public void attach(CallControl callControl) {
        effects.control = callControl;
    }

    /**
     * In a cluster: which node rings which phone. A phone this node may not claim (another node rings it) is a leg that
     * failed at once ("rung by another node"), and the ladder goes on as for a phone that refused, trying her again after
     * a short rest ({@link id.siaga.routing.EscalationLadder#REST_WHILE_RUNG_ELSEWHERE}).
     */
    public void claimPhonesWith(PhoneClaims claims) {
        effects.claims = claims;
        effects.claimRefused = (id, leg) -> run(() -> handle(id, new CallInput.LegFailed(leg, 486, "the phone is rung by another node", true)));
    }

    /**
     * In a cluster: where a location report goes that finds no live call here (the caller's call may be on another
     * node); {@link ReportRelay#NONE} on a single server.
     */
    public void relayReportsWith(ReportRelay relay) {
        this.reportRelay = relay;
    }

    /** Phones another node stopped ringing, at these stations: the waiting calls may be offered to them. */
    public void phonesFreedElsewhere(Set<StationId> where) {
        run(() -> offerWaitingCalls(where));
    }

    /** Connects the pipeline to a media plane; without one, media flows between the phones ({@link MediaControl#NONE}). */
    public void attach(MediaControl mediaControl) {
        effects.media = mediaControl;
    }

    /** Announces to waiting callers through the media plane ({@link Announcement}); {@link Announcement#NONE} by default. */
    public void announce(Announcement policy) {
        this.announcement = policy;
    }

    /** Holds flagged callers at the gate where a station turned it on ({@link Gate}); {@link Gate#OFF} by default. */
    public void gate(Gate policy) {
        this.gate = policy;
    }

    /** The gate in force (its stations, its wait, whether a media plane speaks for it). */
    public Gate gate() {
        return gate;
    }

    /**
     * Screens every call against its number's reputation as it arrives (counted, and its standing on the call for the
     * consoles and the screen stage); none by default.
     */
    public void screenWith(Reputation reputation) {
        this.screening = reputation;
    }

    /** Watches unanswered calls: probes their callers, ends the ones that waited too long, limits calls per source. */
    public void watchCallers(CallerWatch callerWatch) {
        this.watch = callerWatch;
        loop.execute(() -> {
            if (sweep != null) {
                sweep.cancel();
            }
            scheduleSweep(callerWatch);
        });
    }

    /** The watch in force: a network edge applies its per-source limit to INVITEs as they arrive. */
    public CallerWatch callerWatch() {
        return watch;
    }

    // ---- what the network and the consoles report ---------------------------------------------------

    /**
     * A call the network edge refused as it arrived, before it was offered or rang (its source over the per-source
     * limit, {@link CallerWatch#refusal(CallId, String, String, long)}): logged and journalled like the loop's own refusals.
     */
    public void refusedOnArrival(CallRefused refusal) {
        log.warn("call {} from {} refused: {}", refusal.call(), refusal.caller(), refusal.reason());
        journal.append(refusal, "network");
    }

    public void offer(IncomingCall call) {
        run(() -> offered(call));
    }

    public void legAnswered(CallId id, Leg leg) {
        run(() -> {
            if (calls.containsKey(id)) {
                handle(id, new CallInput.LegAnswered(leg));
            } else { // the call is gone (ended, or never known): the phone that answered is hung up at once
                effects.control().releaseLateAnswer(id, leg);
                journal.append(new LateAnswerReleased(id, leg.operator()), leg.operator().value());
            }
        });
    }

    public void legFailed(CallId id, Leg leg, int status, String reason) {
        run(() -> handle(id, new CallInput.LegFailed(leg, status, reason)));
    }

    public void callerCancelled(CallId id) {
        run(() -> {
            if (!calls.containsKey(id)) {
                cancelledBeforeOffer.add(id); // its offer is right behind in the queue
            }
            handle(id, new CallInput.CallerHungUp());
        });
    }

    public void callerHungUp(CallId id) {
        run(() -> handle(id, new CallInput.CallerHungUp()));
    }

    public void operatorHungUp(CallId id) {
        run(() -> handle(id, new CallInput.OperatorHungUp()));
    }

    /** The caller is gone although no CANCEL or BYE came (a liveness probe's answer): the call ends with a call-back task. */
    public void callerGone(CallId id, String why) {
        run(() -> handle(id, new CallInput.CallerGone(why)));
    }

    /**
     * A location report from outside the call (AML by SMS or HTTPS) for {@code callerNumber} (+62…): joined to that
     * caller's live call, or to one that just ended, or kept a minute for a call not yet offered. {@code callStart} is
     * when the handset says its call started, if it said. In a cluster a report that finds no live call here is also
     * passed to the other nodes, one of which may carry the call ({@link ReportRelay}).
     */
    public void locationReport(String callerNumber, LocationFix fix, boolean routable, Optional<Instant> callStart, String via) {
        run(() -> {
            Instant now = clock.instant();
            LocationFusion.Received r = new LocationFusion.Received(fix, now, routable);
            Call call = ReportMatching.match(calls.values(), callerNumber, callStart, now, locationPolicy.matchWindow());
            if (call != null) {
                handle(call.id(), new CallInput.Located(r, via));
                return;
            }
            Optional<LocationReports.EndedCall> ended = reports.endedCallOf(callerNumber, now);
            boolean passed = passOn(new ReportRelay.Report(journal.node(), callerNumber, fix, routable, callStart, via, now, ended.isPresent()));
            if (ended.isPresent()) {
                journal.append(CallLocated.afterEnd(ended.get().id(), fix, via), "location");
                return;
            }
            reports.keepEarly(callerNumber, r, now);
            journal.append(new LocationUnmatched(callerNumber, fix.source(), via,
                    "up to " + LocationPolicy.EARLY_REPORT_WAIT.toSeconds() + " s for a call from this number"
                            + (passed ? "; passed to the other nodes for their calls" : "")), "location");
        });
    }

    /**
     * A report another node received and could not join to a live call of its own (it journalled it there): joined to
     * this node's live call from that number, or to one that just ended here (unless the receiving node joined it to an
     * ended call of its own), else kept for a call not yet offered, silently: the receiving node's journal has it.
     */
    public void reportFromElsewhere(ReportRelay.Report report) {
        run(() -> {
            Instant now = clock.instant();
            String via = report.via() + ", received by node " + report.receivedBy();
            LocationFusion.Received r = new LocationFusion.Received(report.fix(), report.receivedAt(), report.routable());
            Call call = ReportMatching.match(calls.values(), report.callerNumber(), report.callStart(), now, locationPolicy.matchWindow());
            if (call != null) {
                log.info("call {}: location report for {} received by node {} joined here", call.id(), report.callerNumber(), report.receivedBy());
                handle(call.id(), new CallInput.Located(r, via));
                return;
            }
            if (!report.endedCallFound()) {
                Optional<LocationReports.EndedCall> ended = reports.endedCallOf(report.callerNumber(), now);
                if (ended.isPresent()) {
                    journal.append(CallLocated.afterEnd(ended.get().id(), report.fix(), via), "location");
                    return;
                }
            }
            reports.keepEarly(report.callerNumber(), r, now);
        });
    }

    private boolean passOn(ReportRelay.Report report) {
        try {
            return reportRelay.pass(report);
        } catch (RuntimeException e) { // the bus's trouble never stops the report being kept here
            log.warn("location report for {} not passed to the other nodes: {}", report.callerNumber(), e.toString());
            return false;
        }
    }

    /** A fix for one known call (a location fetched by reference for it), joined like any later report. */
    public void locationOfCall(CallId id, LocationFix fix, boolean routable, String via) {
        run(() -> {
            if (calls.containsKey(id)) {
                handle(id, new CallInput.Located(new LocationFusion.Received(fix, clock.instant(), routable), via));
            } else {
                journal.append(CallLocated.afterEnd(id, fix, via), "location");
            }
        });
    }

    /** A location the call should have had could not be obtained (a reference that could not be fetched); journalled. */
    public void locationProblem(CallId id, String problem) {
        journal.append(new CallLocationUnavailable(id, problem), "location");
    }

    /**
     * A key the media plane heard on a call ({@code party}: caller or operator): on a live call it joins the call (the
     * operator sees the caller's), and it is journalled as {@code KeyPressed} either way.
     */
    public void keyPressed(CallId id, String key, String party, long durationMs) {
        KeyPressed pressed = new KeyPressed(id, key, party, durationMs); // refuses what is not a key before it reaches the loop
        run(() -> {
            if (calls.containsKey(id)) {
                handle(id, new CallInput.KeyHeard(key, party, durationMs));
            } else {
                journal.append(pressed, "media");
            }
        });
    }

    /**
     * The media plane could not take a call at {@code step}: its audio flows end to end, unrecorded. A live call shows it
     * (and hears no more prompts); it is journalled as {@code MediaUnavailable} either way.
     */
    public void mediaUnavailable(CallId id, String step, String reason) {
        run(() -> {
            if (calls.containsKey(id)) {
                handle(id, new CallInput.MediaFailed(step, reason));
            } else {
                journal.append(new MediaUnavailable(id, step, reason), "media");
            }
        });
    }

    /** Why an operator's ask to play the silent caller's prompt was not carried out. */
    public enum SilentAsk {
        /** Played: 5 5 from the caller will make it a silent emergency. */
        PLAYED,
        /** No live call with this id. */
        NO_SUCH_CALL,
        /** The call is not answered (or already ending): only the operator on the line asks. */
        NOT_ANSWERED,
        /** Someone else answered it. */
        NOT_YOURS,
        /** No media plane carries the call: nothing can be played to its caller. */
        NO_MEDIA;

        /** The ask's name as a request to the node that carries the call, from a console on another node of the cluster. */
        public static final String REQUEST = "silent-prompt";
    }

    /**
     * The operator on an answered silent call has "Jika Anda tidak dapat berbicara, tekan 5 5" played to its caller
     * ({@code mediaPlane}: whether this server has a media plane at all). Waits for the loop's answer.
     */
    public SilentAsk askSilentCaller(CallId id, OperatorId operator, boolean mediaPlane) {
        try {
            return loop.call(() -> {
                Call call = calls.get(id);
                if (call == null) {
                    return SilentAsk.NO_SUCH_CALL;
                }
                if (call.phase() != Call.Phase.ANSWERED || call.ending() != null) {
                    return SilentAsk.NOT_ANSWERED;
                }
                if (!call.winner().operator().equals(operator)) {
                    return SilentAsk.NOT_YOURS;
                }
                if (!mediaPlane || call.media().unavailableStep() != null) {
                    return SilentAsk.NO_MEDIA;
                }
                handle(id, new CallInput.SilentPromptAsked(operator));
                return SilentAsk.PLAYED;
            }, Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            throw new CallLoopBusyException();
        } catch (Exception e) {
            throw new IllegalStateException("the call loop did not answer: " + e, e);
        }
    }

    /** Every caller still waiting hears 180 again (RFC 3261 Timer C keep-alive), from the call loop. */
    public void ringWaitingCallersAgain() {
        run(() -> calls.values().stream().filter(Call::unanswered).forEach(c -> effects.control().ringing(c.id())));
    }

    /** Someone turned READY: each waiting call, oldest first, may be offered to them (its own Polres first). */
    public void presenceChanged(PresenceChanged change) {
        if (change.to() == Presence.READY) {
            run(() -> offerWaitingCalls(Set.of(change.station())));
        }
    }

    /**
     * The server is stopping: every live call is closed now rather than left to the next start. A waiting caller gets
     * 503 (a carrier or the cluster's dispatcher can try another node) and a call-back task; an answered call keeps its
     * media (it flows between the phones) but is journalled interrupted. Waits until each record and task is handed over.
     */
    public void interruptAll(String reason) {
        try {
            loop.call(() -> {
                guarded(() -> everyCall(new CallInput.Interrupt(reason)));
                return null;
            }, Duration.ofSeconds(10));
            afterCalls.call(() -> null, Duration.ofSeconds(10));
        } catch (TimeoutException e) {
            log.error("live calls not all closed within 10 s at shutdown; the next start closes the rest from the journal");
        } catch (ExecutionException | RejectedExecutionException e) {
            log.error("live calls could not be closed at shutdown; the next start closes them from the journal", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Live calls, oldest first. */
    public List<CallView> live() {
        try {
            return loop.call(() -> calls.values().stream().map(c -> c.view(locationPolicy.fusion(), clock.instant())).toList(), Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            throw new CallLoopBusyException();
        } catch (Exception e) {
            throw new IllegalStateException("the call loop did not answer: " + e, e);
        }
    }

    /** The record of a call that has just ended and is on its way to the history, so a call is never nowhere. */
    public Optional<CallRecord> justEnded(CallId id) {
        return effects.justEnded(id);
    }

    // ---- the loop ----------------------------------------------------------------------------------

    private void offered(IncomingCall in) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean cancelled = cancelledBeforeOffer.remove(in.id());
        try {
            if (!cancelled && overSourceLimit(in)) {
                return;
            }
            calls.put(in.id(), Call.offered(in, now, defaultStation));
            Standing standing = standingOf(in, now);
            handle(in.id(), new CallInput.Offer(reports.takeEarly(in.callerNumber(), now), cancelled, standing), now);
        } catch (RuntimeException e) {
            // never leave a half-offered call behind: the caller is refused so the carrier can retry or re-route
            log.error("call {} from {} could not be offered; refusing it with 503", in.id(), in.callerNumber(), e);
            calls.remove(in.id());
            timers.cancel(in.id());
            journal.append(new CallRefused(in.id(), 503, in.callerNumber(), in.source(),
                    "the call could not be offered (an internal fault, logged with the call id)"), "system");
            Optional.ofNullable(effects.control).ifPresent(c -> c.rejectCaller(in.id(), 503, "Service Unavailable"));
        }
    }

    /** The caller's standing as screening knows it; unknown when screening is off or fails (a call is never refused for it). */
    private Standing standingOf(IncomingCall in, Instant now) {
        Reputation reputation = screening;
        if (reputation == null) {
            return Standing.UNKNOWN;
        }
        try {
            return reputation.arrived(in.callerNumber(), now);
        } catch (RuntimeException e) {
            log.error("call {}: screening failed; the call goes on without its caller's standing", in.id(), e);
            return Standing.UNKNOWN;
        }
    }

    /**
     * A source that is not a trusted trunk may have only so many unanswered calls at once: beyond that the call is
     * refused with 503 and journalled, so a flood of forged INVITEs from one address cannot fill the queue.
     */
    private boolean overSourceLimit(IncomingCall in) {
        Optional<CallRefused> refused = watch.refusal(in, calls.values());
        refused.ifPresent(r -> {
            log.warn("call {} from {} refused: {}", in.id(), in.callerNumber(), r.reason());
            journal.append(r, "network");
            effects.control().rejectCaller(in.id(), r.status(), "Service Unavailable");
        });
        return refused.isPresent();
    }

    private void handle(CallId id, CallInput input) {
        handle(id, input, clock.instant());
    }

    /** One input for one call: the pipeline decides, the loop carries it out and sets the call's next wake-up. */
    private void handle(CallId id, CallInput input, Instant now) {
        Call call = calls.get(id);
        if (call == null) {
            return;
        }
        Set<OperatorId> elsewhere = effects.claims.ringingElsewhere();
        CallPipeline.Decision decision = pipeline.handle(call, input, new CallContext(now, Ringable.forCall(id, calls.values(), presence,
                stations.tree().root().id(), elsewhere), Ringable.forWaitingCall(id, calls.values(), presence, elsewhere), watch, announcement, gate));
        Call next = decision.call();
        if (next.ended()) {
            calls.remove(id);
            reports.ended(id, next.callerNumber(), next.offeredAt(), now);
        } else {
            calls.put(id, next);
        }
        Set<StationId> freed = null; // most inputs free no phone: no set for them
        for (CallAction action : decision.actions()) {
            try {
                effects.carryOut(next, action, now);
            } catch (RuntimeException e) {
                // one action that fails (a journal that cannot take its entry) must not skip the ones after it: the
                // call-back task, the record, the media plane's release
                log.error("call {}: {} failed; the call's other actions go on", id, action.getClass().getSimpleName(), e);
            }
            if (action instanceof CallAction.CancelLeg c) {
                freed = freed == null ? new HashSet<>() : freed;
                freed.add(c.leg().station());
            }
        }
        if (effects.claims != PhoneClaims.NONE) {
            try {
                effects.claims.ringingHere(Ringable.ringingHere(calls.values()));
            } catch (RuntimeException e) {
                log.warn("call {}: the claims on the phones this node rings could not be brought up to date: {}", id, e.toString());
            }
        }
        wakeLater(next);
        if (freed != null) {
            Set<StationId> where = freed;
            // phones that stopped ringing for this call (answered elsewhere, the caller gone) may take a waiting one
            run(() -> offerWaitingCalls(where));
        }
    }

    /**
     * Offers the waiting calls, oldest first, to whoever is available at these stations: only calls that have reached
     * one of them and have no phone ringing there go through the pipeline, so a busy node does not run every live
     * call each time a phone is freed.
     */
    private void offerWaitingCalls(Set<StationId> where) {
        List<Call> behind = new ArrayList<>();
        for (Call call : new ArrayList<>(calls.values())) {
            if (call.behindAtGate()) {
                behind.add(call); // passed the gate without the key: offered after the calls without the mark
            } else if (call.waitsForSomeoneAt(where)) {
                handle(call.id(), new CallInput.OperatorsAvailable());
            }
        }
        for (Call call : behind) {
            Call now = calls.get(call.id());
            if (now != null && now.waitsForSomeoneAt(where)) {
                handle(call.id(), new CallInput.OperatorsAvailable());
            }
        }
    }


    /** Sets (or moves, or drops) the call's timer to when the pipeline next needs to look at it. */
    private void wakeLater(Call call) {
        timers.set(call.id(), call.ended() ? Optional.empty() : call.wakeAt(), () -> guarded(() -> handle(call.id(), new CallInput.Wake())));
    }

    private void scheduleSweep(CallerWatch w) {
        sweep = loop.schedule(() -> {
            guarded(() -> sweepWaitingCalls(w));
            if (watch == w) {
                scheduleSweep(w);
            }
        }, w.sweepEvery());
    }

    /** The watch's look at the unanswered calls that are due a probe or past the longest wait (the others are skipped). */
    private void sweepWaitingCalls(CallerWatch w) {
        Instant now = clock.instant();
        for (Call call : new ArrayList<>(calls.values())) {
            if (call.unanswered() && w.due(call.offeredAt(), call.probedAt(), now)) {
                handle(call.id(), new CallInput.Sweep());
            }
        }
    }

    /** The same input for every live call, oldest first. */
    private void everyCall(CallInput input) {
        for (CallId id : new ArrayList<>(calls.keySet())) {
            handle(id, input);
        }
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
        watch = CallerWatch.NONE;
        loop.execute(() -> Optional.ofNullable(sweep).ifPresent(CallLoop.Timer::cancel));
        loop.close();
        afterCalls.close();
    }
}
