package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.routing.LadderState;
import id.siaga.routing.Leg;
import id.siaga.screening.Standing;
import id.siaga.telephony.event.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One call as the pipeline sees it between two inputs: immutable, so every stage is a function of the call, the input
 * and the time. The stages change it only through the {@code with…} methods.
 *
 * @param chain          the stations the call climbs, from the responsible one to the root
 * @param routedOn       the fix the route was decided on; null for an area code or the default station
 * @param fixWaitUntil   while {@link Phase#ROUTING}: until when the call waits for a better fix than a cell
 * @param ringFromStart  set by a stage that (re)routed the call: the ring stage starts the ladder on {@code chain}
 * @param probedAt       when the caller was last probed (or the call offered)
 * @param announceDue    while unanswered: when the waiting caller is next due the announcement; null when none is
 * @param announcedAt    when the announcement last started for this caller; null if never
 * @param ending         how the call is ending, once a stage decided it; the record stage journals and keeps it
 * @param media          what the media plane reported about the call: the keys the caller pressed, whether it lost the call
 * @param screen         screening's part: the caller's number as screening knew it when the call arrived (its reputation;
 *                       a flag is shown, never a reason to refuse), the gate, the silent caller's prompt and its 5 5
 */
record Call(IncomingCall incoming, Instant offeredAt, Phase phase, StationId responsible, List<LocationFusion.Received> locations,
            LocationFusion.Received routedOn, List<Station> chain, LadderState ladder, Instant fixWaitUntil, boolean ringFromStart,
            Leg winner, Instant answeredAt, Instant probedAt, Instant announceDue, Instant announcedAt, Ending ending, MediaState media,
            Screen screen)
        implements ReportMatching.Live {

    enum Phase {
        /** Routed, but waiting a moment for a better fix before any phone rings (the caller already hears ringing). */
        ROUTING,
        /** Held at the gate (issue 16): the flagged caller hears "tekan 1" before any phone rings; see {@link Gate}. */
        GATED,
        RINGING,
        ANSWERED,
        /** Ended: the record stage keeps it, and the call leaves the loop. */
        ENDED
    }

    /**
     * How a call ends. {@code callerStatus} is the final response an unanswered caller gets (0: none, the call was
     * answered); {@code callBack} whether the responsible station must call back.
     */
    record Ending(CallRecord.Outcome outcome, String endedBy, CallEvent event, String actor, int callerStatus, String callerPhrase,
                  boolean callBack) {
    }

    /**
     * What the media plane reported about a call: {@code keys}, the keys the caller pressed, oldest first (the last
     * {@link #KEPT_KEYS}); {@code unavailableStep} and {@code unavailableReason} once it could not take the call
     * (null while it could, or when there is none).
     */
    record MediaState(String keys, String unavailableStep, String unavailableReason) {
        static final MediaState NONE = new MediaState("", null, null);
        /** Keys kept for the console: a caller's menu choice or a code is a few; a held key or a stuck phone is not kept whole. */
        static final int KEPT_KEYS = 32;

        MediaState withKey(String key) {
            String all = keys + key;
            return new MediaState(all.length() > KEPT_KEYS ? all.substring(all.length() - KEPT_KEYS) : all, unavailableStep, unavailableReason);
        }

        MediaState unavailable(String step, String reason) {
            return new MediaState(keys, step, reason);
        }

        /** Whether the media plane lost the call at its offer: nothing of it is anchored, so nothing can be played to the caller. */
        boolean unanchored() {
            return "offer".equals(unavailableStep);
        }
    }

    /** How a call left the gate, or that it waits there. */
    enum GateOutcome {
        /** The caller hears the prompt; no phone rings yet. */
        WAITING,
        /** The caller pressed 1: rung at normal priority, shown confirmed. */
        CONFIRMED,
        /** No key within the wait: rung all the same, offered behind calls without the mark. */
        NO_KEY,
        /** The gate could not speak to the caller (no media plane, lost media, a prompt not played): rung as any call. */
        SKIPPED
    }

    /** The gate as this call met it: from {@code startedAt} (null when skipped before it started) to {@code until}. */
    record GateState(Instant startedAt, Instant until, GateOutcome outcome) {
        GateState ended(GateOutcome how) {
            return new GateState(startedAt, until, how);
        }
    }

    /**
     * Screening's part of a call: {@code standing}, the caller's number as it arrived; {@code gate}, null when the call
     * never met the gate; {@code silentAskedAt}, when the operator had the silent caller asked for 5 5 (null if never, or
     * once the prompt could not be played), and the keys the caller pressed since ({@code keysSinceAsk});
     * {@code silentEmergencyAt}, when 5 5 came; {@code silentProblem}, why the last ask could not be played (null: none).
     */
    record Screen(Standing standing, GateState gate, Instant silentAskedAt, String keysSinceAsk, Instant silentEmergencyAt,
                  String silentProblem) {
        static final Screen NONE = new Screen(Standing.UNKNOWN, null, null, "", null, null);
        /** What marks a silent emergency after the prompt. */
        static final String SILENT_CODE = "55";

        Screen withStanding(Standing next) {
            return new Screen(next, gate, silentAskedAt, keysSinceAsk, silentEmergencyAt, silentProblem);
        }

        Screen withGate(GateState next) {
            return new Screen(standing, next, silentAskedAt, keysSinceAsk, silentEmergencyAt, silentProblem);
        }

        /** The silent caller was asked (again): the keys count from now. */
        Screen silentAsked(Instant at) {
            return new Screen(standing, gate, at, "", silentEmergencyAt, null);
        }

        /** The ask's prompt could not be played: the caller heard nothing, so its keys no longer count as an answer. */
        Screen silentPromptFailed(String why) {
            return new Screen(standing, gate, null, "", silentEmergencyAt, why);
        }

        /** A key the caller pressed after the silent prompt (the last few kept: only the code matters). */
        Screen keyAfterAsk(String key) {
            String all = keysSinceAsk + key;
            return new Screen(standing, gate, silentAskedAt, all.length() > 8 ? all.substring(all.length() - 8) : all, silentEmergencyAt,
                    silentProblem);
        }

        Screen silentEmergency(Instant at) {
            return new Screen(standing, gate, silentAskedAt, keysSinceAsk, at, silentProblem);
        }

        boolean awaitsSilentCode() {
            return silentAskedAt != null && silentEmergencyAt == null;
        }
    }

    Call {
        locations = List.copyOf(locations);
        chain = List.copyOf(chain);
    }

    /** A call just offered, before any stage has looked at it. */
    static Call offered(IncomingCall incoming, Instant at, StationId provisional) {
        return new Call(incoming, at, Phase.ROUTING, provisional, List.of(), null, List.of(), null, null, false, null, null, at, null, null, null, MediaState.NONE, Screen.NONE);
    }

    CallId id() {
        return incoming.id();
    }

    @Override
    public String callerNumber() {
        return incoming.callerNumber();
    }

    @Override
    public boolean ended() {
        return phase == Phase.ENDED;
    }

    boolean unanswered() {
        return phase == Phase.ROUTING || phase == Phase.GATED || phase == Phase.RINGING;
    }

    double secondsSinceOffer(Instant now) {
        return Duration.between(offeredAt, now).toMillis() / 1000.0;
    }

    /** The tier the call rings at (0 before the ladder started). */
    int tier() {
        return ladder == null ? 0 : Math.max(0, ladder.tier());
    }

    /** The station now offered the call. */
    StationId currentStation() {
        return ladder == null ? responsible : ladder.current().id();
    }

    /** When the loop must wake the call: the end of a fix wait, the ladder's next deadline, or the next announcement. */
    Optional<Instant> wakeAt() {
        Optional<Instant> stage = switch (phase) {
            case ROUTING -> Optional.ofNullable(fixWaitUntil);
            case GATED -> Optional.of(screen.gate().until());
            case RINGING -> ladder == null ? Optional.empty() : ladder.wakeAt();
            default -> Optional.empty();
        };
        if (announceDue == null || phase != Phase.RINGING) {
            return stage;
        }
        return Optional.of(stage.filter(at -> at.isBefore(announceDue)).orElse(announceDue));
    }

    Optional<LocationFix> bestFix(LocationFusion fusion, Instant now) {
        return fusion.best(locations, now).map(LocationFusion.Received::fix);
    }

    Call withLocation(LocationFusion.Received r) {
        List<LocationFusion.Received> more = new ArrayList<>(locations);
        more.add(r);
        return new Call(incoming, offeredAt, phase, responsible, more, routedOn, chain, ladder, fixWaitUntil, ringFromStart, winner, answeredAt,
                probedAt, announceDue, announcedAt, ending, media, screen);
    }

    /** Routed (or re-routed) to {@code chain}; the ring stage starts the ladder there unless the call waits for a fix. */
    Call routedTo(List<Station> newChain, LocationFusion.Received on, Phase next, Instant waitUntil) {
        return new Call(incoming, offeredAt, next, newChain.get(0).id(), locations, on, newChain, ladder, waitUntil, next == Phase.RINGING,
                winner, answeredAt, probedAt, announceDue, announcedAt, ending, media, screen);
    }

    Call withRoutedOn(LocationFusion.Received on) {
        return new Call(incoming, offeredAt, phase, responsible, locations, on, chain, ladder, fixWaitUntil, ringFromStart, winner, answeredAt,
                probedAt, announceDue, announcedAt, ending, media, screen);
    }

    /** The fix wait is over: the ring stage starts the ladder. */
    Call ringNow() {
        return new Call(incoming, offeredAt, Phase.RINGING, responsible, locations, routedOn, chain, ladder, null, true, winner, answeredAt,
                probedAt, announceDue, announcedAt, ending, media, screen);
    }

    Call withLadder(LadderState next) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, next, fixWaitUntil, false, winner, answeredAt,
                probedAt, announceDue, announcedAt, ending, media, screen);
    }

    Call answeredBy(Leg leg, LadderState next, Instant at) {
        return new Call(incoming, offeredAt, Phase.ANSWERED, responsible, locations, routedOn, chain, next, null, false, leg, at, probedAt, null,
                announcedAt, ending, media, screen);
    }

    Call probed(Instant at) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, ladder, fixWaitUntil, ringFromStart, winner,
                answeredAt, at, announceDue, announcedAt, ending, media, screen);
    }

    /** The waiting caller is next due the announcement at {@code due} (null: not at all). */
    Call withAnnounceDue(Instant due) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, ladder, fixWaitUntil, ringFromStart, winner,
                answeredAt, probedAt, due, announcedAt, ending, media, screen);
    }

    /** Screening's word on the caller's number, as the call arrived. */
    Call withStanding(Standing next) {
        return withScreen(screen.withStanding(next));
    }

    Call withScreen(Screen next) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, ladder, fixWaitUntil, ringFromStart, winner,
                answeredAt, probedAt, announceDue, announcedAt, ending, media, next);
    }

    /** The caller's number as screening knew it when the call arrived. */
    Standing standing() {
        return screen.standing();
    }

    /** Held at the gate until {@code until}: no phone rings, the caller hears the gate's prompt. */
    Call gated(Instant at, Instant until) {
        return new Call(incoming, offeredAt, Phase.GATED, responsible, locations, routedOn, chain, ladder, null, false, winner, answeredAt,
                probedAt, announceDue, announcedAt, ending, media, screen.withGate(new GateState(at, until, GateOutcome.WAITING)));
    }

    /** Whether the call passed the gate without the key: it is offered behind calls without the mark. */
    boolean behindAtGate() {
        return screen.gate() != null && screen.gate().outcome() == GateOutcome.NO_KEY;
    }

    /** The media plane reported something about the call (a key, its loss). */
    Call withMedia(MediaState next) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, ladder, fixWaitUntil, ringFromStart, winner,
                answeredAt, probedAt, announceDue, announcedAt, ending, next, screen);
    }

    /** The announcement started for the waiting caller at {@code at}; next due at {@code next}. */
    Call announced(Instant at, Instant next) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, ladder, fixWaitUntil, ringFromStart, winner,
                answeredAt, probedAt, next, at, ending, media, screen);
    }

    /** A stage decided the call ends; the ring stage stops its phones, the record stage keeps it. */
    Call ending(Ending how) {
        return new Call(incoming, offeredAt, phase, responsible, locations, routedOn, chain, ladder, fixWaitUntil, false, winner, answeredAt,
                probedAt, announceDue, announcedAt, how, media, screen);
    }

    Call asEnded() {
        return new Call(incoming, offeredAt, Phase.ENDED, responsible, locations, routedOn, chain, ladder, null, false, winner, answeredAt,
                probedAt, announceDue, announcedAt, ending, media, screen);
    }

    /**
     * Whether the call rings and could take someone at one of these stations: a station it has reached (its own
     * first, up to its tier) where no phone rings for it yet.
     */
    boolean waitsForSomeoneAt(Set<StationId> where) {
        if (phase != Phase.RINGING || ending != null || ladder == null) {
            return false;
        }
        for (int t = 0; t <= Math.max(0, ladder.tier()) && t < chain.size(); t++) {
            StationId s = chain.get(t).id();
            if (where.contains(s) && ladder.ringing().stream().noneMatch(l -> l.station().equals(s))) {
                return true;
            }
        }
        return false;
    }

    /** What consoles see of the call. */
    CallView view(LocationFusion fusion, Instant now) {
        Instant until = answeredAt == null ? now : answeredAt;
        Optional<LocationFusion.Received> best = fusion.best(locations, now);
        LocationFix p = best.map(LocationFusion.Received::fix).orElse(null);
        List<Leg> legs = ladder == null ? List.of() : ladder.ringing();
        List<Leg> ringing = unanswered() ? legs : List.of();
        String state = switch (phase) {
            case ROUTING, GATED, RINGING -> "RINGING";
            case ANSWERED -> "ANSWERED";
            case ENDED -> "ENDED";
        };
        return new CallView(id().value(), incoming.callerNumber(), state, responsible.value(), currentStation().value(), tier(), offeredAt,
                Duration.between(offeredAt, until).toMillis() / 1000.0, answeredAt, winner == null ? null : winner.operator().value(),
                ringing.stream().map(l -> l.operator().value()).toList(), legs.stream().map(l -> l.station().value()).distinct().toList(),
                p == null ? null : p.latitude(), p == null ? null : p.longitude(), p == null ? "NONE" : p.source().name(),
                p == null || !p.hasUncertainty() ? null : p.uncertaintyMeters(), p == null ? null : p.method(),
                best.map(r -> r.age(now).toMillis() / 1000.0).orElse(null), media.keys(),
                media.unavailableStep() == null ? null : media.unavailableStep() + ": " + media.unavailableReason(), screen.standing(),
                screen.gate() == null ? null : screen.gate().outcome().name(), screen.silentAskedAt(), screen.silentEmergencyAt(),
                screen.silentProblem());
    }
}
