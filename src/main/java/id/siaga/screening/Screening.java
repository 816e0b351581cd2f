package id.siaga.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screening's doors: a call classified at wrap-up (or changed by a supervisor, with a reason), a call that an incident
 * was opened from (genuine), a caller who hung up within seconds of the answer, a number cleared or trusted. Each is
 * kept in the store, reflected in the {@link Reputation} and told to {@code noted} (the wiring journals it, and returns
 * only once it is durable, so a person's change is answered only then). Nothing here decides how a call is handled;
 * the call path reads the reputation.
 */
public final class Screening {

    private static final Logger log = LoggerFactory.getLogger(Screening.class);
    /** The longest reason kept with a classification or a word on a number. */
    public static final int REASON_MAX = 500;

    /** A classification was refused: the call is already classified by someone else (only a supervisor changes that). */
    public static final class AlreadyClassifiedException extends RuntimeException {
        public AlreadyClassifiedException(String message) {
            super(message);
        }
    }

    /** What the journal must say of a change: {@code type} about a call or a caller's number, by {@code actor}. */
    public record Noted(String type, About about, String subject, String actor, Map<String, Object> facts) {
        public enum About { CALL, CALLER }
    }

    private final ScreeningStore store;
    private final Reputation reputation;
    private final Consumer<Noted> noted;
    private final Clock clock;

    public Screening(ScreeningStore store, Reputation reputation, Consumer<Noted> noted, Clock clock) {
        this.store = store;
        this.reputation = reputation;
        this.noted = noted;
        this.clock = clock;
    }

    public Reputation reputation() {
        return reputation;
    }

    /** Loads the marks within the retention and every supervisor's word into the reputation. */
    public void load() {
        Instant now = clock.instant();
        List<Mark> marks = store.marksSince(now.minus(reputation.policy().retention()));
        marks.forEach(reputation::mark);
        List<ScreeningStore.NumberWord> words = store.words();
        for (ScreeningStore.NumberWord w : words) {
            reputation.trust(w.number(), w.trusted());
            if (w.clearedAt() != null) {
                reputation.clear(w.number(), w.clearedAt());
            }
        }
        log.info("screening: {} marks of the last {} days and {} supervisors' words on numbers loaded", marks.size(),
                reputation.policy().retention().toDays(), words.size());
    }

    public Optional<ScreeningStore.Classified> classification(String call) {
        return store.classification(call);
    }

    /**
     * Classifies a call. The first word is anyone's who may see the call; the same person may correct their own; after
     * that only a supervisor ({@code supervisor}) changes it, and must say why.
     *
     * @throws AlreadyClassifiedException when someone else classified it and this is not a supervisor
     * @throws IllegalArgumentException   when a supervisor changes it without a reason
     */
    public synchronized ScreeningStore.Classified classify(String call, String number, String station, Classification what, String by,
                                                           boolean supervisor, String reason) {
        Optional<ScreeningStore.Classified> before = store.classification(call);
        String why = reason == null || reason.isBlank() ? null : checkedReason(reason);
        if (before.isPresent() && before.get().classification() == what) {
            // the same word again (a second key press, the operator agreeing with the incident): nothing changes, but its
            // mark is written again, the same one: a first try that kept the word and failed before its mark (the
            // database went away between the two) was answered 503, and this retry is the one answered 200
            markOf(before.get());
            return before.get();
        }
        if (before.isPresent() && !before.get().by().equals(by)) {
            if (!supervisor) {
                throw new AlreadyClassifiedException("call " + call + " is already classified " + before.get().classification() + " by "
                        + before.get().by() + "; a supervisor can change it");
            }
            if (why == null) {
                throw new IllegalArgumentException("changing a call's classification needs a reason");
            }
        }
        return keep(call, number, station, what, by, why, before.orElse(null));
    }

    /**
     * An incident was opened from the call by {@code by}: it was a genuine emergency, whatever it was classified before.
     * The word is theirs (they may correct it, as their own), with the incident as its reason.
     */
    public synchronized void incidentOpened(String call, String number, String station, String incident, String by) {
        Optional<ScreeningStore.Classified> before = store.classification(call);
        if (before.isPresent() && before.get().classification() == Classification.GENUINE) {
            return;
        }
        keep(call, number, station, Classification.GENUINE, by, "incident " + incident + " was opened from the call", before.orElse(null));
    }

    /** The caller ended the call within seconds of the answer (a cut-off call): a light mark, set by the call path. */
    public void hungUpOnAnswer(String call, String number, Instant at) {
        if (!Reputation.known(number)) {
            return;
        }
        Mark mark = new Mark(number, at, Mark.Kind.HUNG_UP, call, Mark.Source.SIGNAL);
        store.putMark(mark);
        reputation.mark(mark);
    }

    /**
     * What the caller's first seconds after the answer held, by the call's recording, when they held no speech.
     *
     * @param window        how long after the answer the caller was listened to
     * @param callerAudio   false when no packet of the caller's reached the media plane at all (one-way audio)
     * @param loudestDbov   the caller's loudest 20 ms in the window
     * @param thresholdDbov the level speech rises above
     */
    public record Silence(java.time.Duration window, boolean callerAudio, double loudestDbov, double thresholdDbov) {
    }

    /**
     * The caller said nothing in the first seconds after the answer (or sent no audio at all), as the call's recording
     * shows: a light mark on the number (set by the signal, as a hang-up's is) and a {@code CallerSilent} note in the
     * call's journal with what was measured, also for a withheld number (which gets no mark).
     */
    public void silentOnAnswer(String call, String number, Instant answeredAt, Silence silence) {
        if (Reputation.known(number)) {
            Mark mark = new Mark(number, answeredAt, Mark.Kind.SILENT, call, Mark.Source.SIGNAL);
            store.putMark(mark);
            reputation.mark(mark);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("window_ms", silence.window().toMillis());
        facts.put("caller_audio", silence.callerAudio());
        if (silence.callerAudio()) {
            facts.put("loudest_dbov", silence.loudestDbov());
        }
        facts.put("threshold_dbov", silence.thresholdDbov());
        noted.accept(new Noted("CallerSilent", Noted.About.CALL, call, "recording", facts));
        log.info("call {}: the caller {} in the {} s after the answer{}", call,
                silence.callerAudio() ? "was silent (loudest " + silence.loudestDbov() + " dBov, speech above " + silence.thresholdDbov() + ")"
                        : "sent no audio", silence.window().toSeconds(), Reputation.known(number) ? "; number marked" : "; withheld number, not marked");
    }

    /** A supervisor clears a number: its marks until now no longer count. */
    public synchronized void clear(String number, String by, String reason) {
        ScreeningStore.NumberWord was = store.word(number).orElse(null);
        Instant now = clock.instant();
        String why = requireReason(reason);
        store.putWord(new ScreeningStore.NumberWord(number, was != null && was.trusted(), now, by, why, now));
        reputation.clear(number, now);
        noted.accept(new Noted("NumberCleared", Noted.About.CALLER, number, by, Map.of("reason", why)));
        log.info("number {} cleared by {}: {}", number, by, why);
    }

    /** A supervisor marks a number trusted (never flagged, never warned) or no longer trusted. */
    public synchronized void trust(String number, boolean trusted, String by, String reason) {
        ScreeningStore.NumberWord was = store.word(number).orElse(null);
        Instant now = clock.instant();
        String why = requireReason(reason);
        store.putWord(new ScreeningStore.NumberWord(number, trusted, was == null ? null : was.clearedAt(), by, why, now));
        reputation.trust(number, trusted);
        noted.accept(new Noted("NumberTrusted", Noted.About.CALLER, number, by, Map.of("trusted", trusted, "reason", why)));
        log.info("number {} {} by {}: {}", number, trusted ? "trusted" : "no longer trusted", by, why);
    }

    /** Forgets marks past the retention, in the store and in memory; returns how many were deleted from the store. */
    public int sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(reputation.policy().retention());
        int deleted = store.forgetMarksBefore(cutoff);
        reputation.forget(cutoff, now);
        if (deleted > 0) {
            log.info("screening: {} marks older than {} days deleted", deleted, reputation.policy().retention().toDays());
        }
        return deleted;
    }

    private ScreeningStore.Classified keep(String call, String number, String station, Classification what, String by, String reason,
                                           ScreeningStore.Classified before) {
        Instant now = clock.instant();
        ScreeningStore.Classified c = new ScreeningStore.Classified(call, number, station, what, by, now, reason);
        store.classify(c);
        if (Reputation.known(number)) {
            Optional<Mark.Kind> kind = what.mark();
            if (kind.isPresent()) {
                Mark mark = new Mark(number, before == null ? now : before.at(), kind.get(), call, Mark.Source.CLASSIFIED);
                store.putMark(mark);
                reputation.mark(mark);
            } else {
                store.removeMark(call, Mark.Source.CLASSIFIED);
                reputation.unmark(number, call, Mark.Source.CLASSIFIED);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("classification", what.name());
        facts.put("station", station);
        if (before != null) {
            facts.put("was", before.classification().name());
        }
        if (reason != null) {
            facts.put("reason", reason);
        }
        noted.accept(new Noted("CallClassified", Noted.About.CALL, call, by, facts));
        log.info("call {} classified {} by {}{}", call, what, by, before == null ? "" : " (was " + before.classification() + ")");
        return c;
    }

    /**
     * Writes the mark a kept classification makes when the reputation does not have it (the store and the reputation
     * replace it by call and source); one that is there keeps its time.
     */
    private void markOf(ScreeningStore.Classified c) {
        Optional<Mark.Kind> kind = c.classification().mark();
        if (Reputation.known(c.number()) && kind.isPresent() && reputation.explain(c.number(), clock.instant()).marks().stream()
                .map(Reputation.Contribution::mark)
                .noneMatch(m -> m.call().equals(c.call()) && m.source() == Mark.Source.CLASSIFIED && m.kind() == kind.get())) {
            Mark mark = new Mark(c.number(), c.at(), kind.get(), c.call(), Mark.Source.CLASSIFIED);
            store.putMark(mark);
            reputation.mark(mark);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return checkedReason(reason);
    }

    private static String checkedReason(String reason) {
        String r = reason.strip();
        if (r.length() > REASON_MAX) {
            throw new IllegalArgumentException("a reason is at most " + REASON_MAX + " characters, got " + r.length());
        }
        return r;
    }
}
