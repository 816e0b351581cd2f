package id.siaga.screening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a number that keeps pranking 110 an SMS warning, when {@link PrankWarningRule} says so: asked after each call
 * classified a prank. A warning is kept ({@link PrankWarningStore}), told to {@code noted} as {@code PrankWarningSent}
 * (the wiring journals it) and only then handed to {@code send} (the SMS gateway), so a number is never warned twice in
 * a window, even across a restart. Nothing here touches a call.
 */
public final class PrankWarnings {

    private static final Logger log = LoggerFactory.getLogger(PrankWarnings.class);

    /** A warning to send: the number, the station whose call tipped it, the pranks within the window, who classified that call. */
    public record Warning(String number, String station, int pranks, Duration window, String call, String triggeredBy, Instant at) {

        /** The SMS, in Bahasa Indonesia: what the number did and why it matters; no threat. */
        public String text() {
            return "Nomor Anda tercatat melakukan panggilan iseng ke 110 sebanyak " + pranks + " kali dalam " + window.toDays()
                    + " hari terakhir. Panggilan iseng menghalangi warga yang sedang butuh pertolongan. Gunakan 110 hanya untuk "
                    + "keadaan darurat. Terima kasih. - Layanan Darurat 110 Polri";
        }
    }

    private final PrankWarningRule rule;
    private final Reputation reputation;
    private final PrankWarningStore store;
    private final Consumer<Screening.Noted> noted;
    private final Consumer<Warning> send;
    private final Clock clock;

    public PrankWarnings(PrankWarningRule rule, Reputation reputation, PrankWarningStore store, Consumer<Screening.Noted> noted,
                         Consumer<Warning> send, Clock clock) {
        this.rule = rule;
        this.reputation = reputation;
        this.store = store;
        this.noted = noted;
        this.send = send;
        this.clock = clock;
    }

    /**
     * A call was classified: when it was a prank and its number now earns a warning, the warning is kept, journalled and
     * sent; returns it. Anything else returns empty.
     */
    public synchronized Optional<Warning> afterClassified(ScreeningStore.Classified call) {
        if (call.classification() != Classification.PRANK || !rule.policy().enabled() || !Reputation.known(call.number())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = store.lastWarnedAt(call.number()).orElse(null);
        PrankWarningRule.Verdict verdict = rule.decide(reputation.explain(call.number(), now), last, now);
        if (verdict.warn() && store.genuineCallSince(call.number(), now.minus(rule.policy().window()))) {
            // a genuine call before a supervisor's clear, or beyond the marks kept in memory, withholds it all the same
            verdict = new PrankWarningRule.Verdict(PrankWarningRule.Withheld.GENUINE_CALL, verdict.pranks());
        }
        if (!verdict.warn()) {
            if (verdict.withheld() != PrankWarningRule.Withheld.TOO_FEW) {
                log.info("no prank warning for {} after call {}: {} ({} pranks in {} days{})", call.number(), call.call(), verdict.withheld(),
                        verdict.pranks(), rule.policy().window().toDays(), last == null ? "" : ", last warned " + last);
            }
            return Optional.empty();
        }
        Warning w = new Warning(call.number(), call.station(), verdict.pranks(), rule.policy().window(), call.call(), call.by(), now);
        store.keep(new PrankWarningStore.Sent(w.number(), now, w.station(), w.pranks(), w.call()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("station", w.station());
        facts.put("pranks", w.pranks());
        facts.put("windowDays", w.window().toDays());
        facts.put("call", w.call());
        facts.put("classifiedBy", w.triggeredBy());
        noted.accept(new Screening.Noted("PrankWarningSent", Screening.Noted.About.CALLER, w.number(), "screening", facts));
        log.info("prank warning to {}: {} pranks in {} days, the last at {} (call {}, classified by {})", w.number(), w.pranks(),
                w.window().toDays(), w.station(), w.call(), w.triggeredBy());
        send.accept(w);
        return Optional.of(w);
    }
}
