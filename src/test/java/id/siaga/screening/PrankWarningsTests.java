package id.siaga.screening;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SMS warning to a number that keeps pranking 110, with literal times: five prank classifications within 30 days
 * earn one warning (journalled, then sent), never a second within the window, never one to a trusted number, never one
 * to a number that made a genuine call in the window, nothing at all while warnings are off (the default).
 */
class PrankWarningsTests {

    static final Instant T0 = Instant.parse("2026-12-01T14:00:00Z");
    static final String NUMBER = "+6281200000077";
    static final PrankWarningRule.Policy ON = new PrankWarningRule.Policy(true, 5, Duration.ofDays(30));

    final ManualClock clock = new ManualClock(T0);
    final Reputation reputation = new Reputation(Reputation.Policy.DEFAULT);
    final Map<String, Instant> warned = new HashMap<>();
    final List<PrankWarningStore.Sent> kept = new ArrayList<>();
    final List<Screening.Noted> journal = new ArrayList<>();
    final List<PrankWarnings.Warning> sent = new ArrayList<>();
    final PrankWarningStore store = new PrankWarningStore() {
        @Override
        public Optional<Instant> lastWarnedAt(String number) {
            return Optional.ofNullable(warned.get(number));
        }

        @Override
        public void keep(Sent s) {
            kept.add(s);
            warned.merge(s.number(), s.at(), (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public boolean genuineCallSince(String number, Instant since) {
            return genuine.stream().anyMatch(at -> !at.isBefore(since));
        }

        @Override
        public int forgetBefore(Instant cutoff) {
            return 0;
        }
    };
    /** When this store's number had a call classified genuine (the database's word, whatever the reputation holds). */
    final List<Instant> genuine = new ArrayList<>();
    int calls;

    PrankWarnings warnings(PrankWarningRule.Policy policy) {
        return new PrankWarnings(new PrankWarningRule(policy), reputation, store, journal::add, w -> {
            assertThat(journal).as("journalled before it is sent").isNotEmpty();
            sent.add(w);
        }, clock);
    }

    /** A call from the number, classified at the current time by operator.sleman1; what the warnings make of it. */
    Optional<PrankWarnings.Warning> classified(PrankWarnings w, Classification c) {
        String call = "call-" + (++calls);
        c.mark().ifPresent(kind -> reputation.mark(new Mark(NUMBER, clock.instant(), kind, call, Mark.Source.CLASSIFIED)));
        return w.afterClassified(new ScreeningStore.Classified(call, NUMBER, "POLRES-3404", c, "operator.sleman1", clock.instant(), null));
    }

    void pranks(PrankWarnings w, int n) {
        for (int i = 0; i < n; i++) {
            classified(w, Classification.PRANK);
            clock.advance(Duration.ofHours(20));
        }
    }

    @Test
    void theFifthPrankWithinThirtyDaysEarnsOneWarningJournalledThenSent() {
        PrankWarnings w = warnings(ON);
        pranks(w, 4);
        assertThat(sent).as("four pranks are not enough").isEmpty();
        Optional<PrankWarnings.Warning> fifth = classified(w, Classification.PRANK);

        assertThat(fifth).isPresent();
        assertThat(sent).containsExactly(fifth.get());
        assertThat(fifth.get().pranks()).isEqualTo(5);
        assertThat(fifth.get().station()).isEqualTo("POLRES-3404");
        assertThat(fifth.get().call()).isEqualTo("call-5");
        assertThat(fifth.get().text()).startsWith("Nomor Anda tercatat melakukan panggilan iseng ke 110 sebanyak 5 kali dalam 30 hari terakhir.")
                .contains("menghalangi warga").doesNotContain("blokir").hasSizeLessThan(320);
        assertThat(kept).containsExactly(new PrankWarningStore.Sent(NUMBER, clock.instant(), "POLRES-3404", 5, "call-5"));
        Screening.Noted noted = journal.get(0);
        assertThat(noted.type()).isEqualTo("PrankWarningSent");
        assertThat(noted.about()).isEqualTo(Screening.Noted.About.CALLER);
        assertThat(noted.subject()).isEqualTo(NUMBER);
        assertThat(noted.facts()).containsEntry("station", "POLRES-3404").containsEntry("pranks", 5).containsEntry("call", "call-5")
                .containsEntry("classifiedBy", "operator.sleman1").containsEntry("windowDays", 30L);
    }

    @Test
    void aNumberIsWarnedAtMostOncePerWindow() {
        PrankWarnings w = warnings(ON);
        pranks(w, 5);
        assertThat(sent).hasSize(1);
        pranks(w, 10);
        assertThat(sent).as("ten more pranks within 30 days of the warning: no second SMS").hasSize(1);

        clock.advance(Duration.ofDays(31)); // the warning and every prank are now older than the window
        pranks(w, 4);
        assertThat(sent).hasSize(1);
        classified(w, Classification.PRANK);
        assertThat(sent).as("a new window, five new pranks").hasSize(2);
    }

    @Test
    void smsWarningNeverSentToATrustedNumber() {
        reputation.trust(NUMBER, true);
        PrankWarnings w = warnings(ON);
        pranks(w, 12);
        assertThat(sent).isEmpty();
        assertThat(journal).isEmpty();
        assertThat(kept).isEmpty();
        assertThat(new PrankWarningRule(ON).decide(reputation.explain(NUMBER, clock.instant()), null, clock.instant()))
                .isEqualTo(new PrankWarningRule.Verdict(PrankWarningRule.Withheld.TRUSTED, 12));
    }

    @Test
    void aGenuineCallWithinTheWindowWithholdsTheWarning() {
        PrankWarnings w = warnings(ON);
        classified(w, Classification.GENUINE);
        clock.advance(Duration.ofDays(5));
        pranks(w, 8);
        assertThat(sent).as("a genuine emergency call 5 days before the pranks").isEmpty();

        clock.advance(Duration.ofDays(24)); // the genuine call is now 35 days old; the last pranks are still within 30 days
        classified(w, Classification.PRANK);
        PrankWarningRule.Verdict now = new PrankWarningRule(ON).decide(reputation.explain(NUMBER, clock.instant()), null, clock.instant());
        assertThat(now.warn()).isTrue();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aGenuineCallBeforeASupervisorsClearStillWithholdsTheWarning() {
        PrankWarnings w = warnings(ON);
        classified(w, Classification.GENUINE);
        genuine.add(clock.instant());
        clock.advance(Duration.ofDays(1));
        reputation.clear(NUMBER, clock.instant()); // the reputation forgets the genuine call's mark
        clock.advance(Duration.ofMinutes(1));
        pranks(w, 8);
        assertThat(sent).as("the genuine call 1 day ago is in the classifications, whatever the reputation says").isEmpty();
    }

    @Test
    void offByDefaultAndNeverForAnotherClassificationOrAClearedNumber() {
        PrankWarnings off = warnings(PrankWarningRule.Policy.OFF);
        pranks(off, 10);
        assertThat(PrankWarningRule.Policy.OFF.enabled()).isFalse();
        assertThat(sent).isEmpty();

        PrankWarnings on = warnings(ON);
        for (int i = 0; i < 6; i++) {
            classified(on, Classification.ABUSIVE);
        }
        assertThat(sent).as("abusive calls are not pranks").isEmpty();
        reputation.clear(NUMBER, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        classified(on, Classification.PRANK);
        assertThat(sent).as("the ten pranks before a supervisor cleared the number no longer count").isEmpty();
        assertThat(on.afterClassified(new ScreeningStore.Classified("call-x", "anonymous", "POLRES-3404", Classification.PRANK, "op", T0, null)))
                .isEmpty();
    }

    @Test
    void theRuleCountsOnlyWithinTheWindowWithLiteralTimes() {
        PrankWarningRule rule = new PrankWarningRule(new PrankWarningRule.Policy(true, 2, Duration.ofDays(7)));
        Instant now = Instant.parse("2026-12-10T00:00:00Z");
        Reputation r = new Reputation(Reputation.Policy.DEFAULT);
        r.mark(new Mark(NUMBER, Instant.parse("2026-12-02T23:59:59Z"), Mark.Kind.PRANK, "a", Mark.Source.CLASSIFIED)); // 7 days and 1 s ago
        r.mark(new Mark(NUMBER, Instant.parse("2026-12-03T00:00:00Z"), Mark.Kind.PRANK, "b", Mark.Source.CLASSIFIED)); // exactly 7 days ago
        r.mark(new Mark(NUMBER, Instant.parse("2026-12-09T00:00:00Z"), Mark.Kind.HUNG_UP, "c", Mark.Source.SIGNAL));
        assertThat(rule.decide(r.explain(NUMBER, now), null, now)).isEqualTo(new PrankWarningRule.Verdict(PrankWarningRule.Withheld.TOO_FEW, 1));
        r.mark(new Mark(NUMBER, Instant.parse("2026-12-09T12:00:00Z"), Mark.Kind.PRANK, "d", Mark.Source.CLASSIFIED));
        assertThat(rule.decide(r.explain(NUMBER, now), null, now).warn()).isTrue();
        assertThat(rule.decide(r.explain(NUMBER, now), Instant.parse("2026-12-03T00:00:01Z"), now).withheld())
                .isEqualTo(PrankWarningRule.Withheld.ALREADY_WARNED);
        assertThat(rule.decide(r.explain(NUMBER, now), Instant.parse("2026-12-03T00:00:00Z"), now).warn()).as("a warning exactly a window ago")
                .isTrue();
    }
}
