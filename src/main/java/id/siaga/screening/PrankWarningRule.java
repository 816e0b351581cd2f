package id.siaga.screening;

import java.time.Duration;
import java.time.Instant;

/**
 * Who gets an SMS warning for pranking 110: a number with at least {@link Policy#after} calls classified
 * {@link Classification#PRANK} within the {@link Policy#window}, never one a supervisor marked trusted, never one that
 * made a genuine emergency call within the window (the child who pranked last week may be the one whose house burns
 * tonight: they must not learn to fear 110), and at most once per window. Off unless switched on. Plain function of the
 * number's marks (those since a supervisor last cleared it), its last warning and the time.
 */
public final class PrankWarningRule {

    /**
     * @param enabled whether warnings are sent at all (off by default)
     * @param after   prank classifications within the window that earn a warning
     * @param window  how far back pranks and genuine calls count, and how long one warning lasts
     */
    public record Policy(boolean enabled, int after, Duration window) {
        public static final Policy OFF = new Policy(false, 5, Duration.ofDays(30));

        public Policy {
            if (after < 1) {
                throw new IllegalArgumentException("a warning needs at least one prank, got " + after);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the window must be positive, got " + window);
            }
        }
    }

    /** Why a number is not warned. */
    public enum Withheld { OFF, NO_NUMBER, TRUSTED, GENUINE_CALL, TOO_FEW, ALREADY_WARNED }

    /** The verdict: {@code withheld} null means warn; {@code pranks} is the count within the window either way. */
    public record Verdict(Withheld withheld, int pranks) {
        public boolean warn() {
            return withheld == null;
        }
    }

    private final Policy policy;

    public PrankWarningRule(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * @param number       the number's explanation now (its standing and the marks since it was last cleared)
     * @param lastWarnedAt when it was last warned; null: never
     */
    public Verdict decide(Reputation.Explanation number, Instant lastWarnedAt, Instant now) {
        Instant since = now.minus(policy.window());
        int pranks = 0;
        boolean genuine = false;
        for (Reputation.Contribution c : number.marks()) {
            Mark m = c.mark();
            if (m.at().isBefore(since) || m.at().isAfter(now)) {
                continue;
            }
            pranks += m.kind() == Mark.Kind.PRANK && m.source() == Mark.Source.CLASSIFIED ? 1 : 0;
            genuine |= m.kind() == Mark.Kind.GENUINE;
        }
        if (!policy.enabled()) {
            return new Verdict(Withheld.OFF, pranks);
        }
        if (!Reputation.known(number.number()) || number.standing().withheld()) {
            return new Verdict(Withheld.NO_NUMBER, pranks);
        }
        if (number.standing().trusted()) {
            return new Verdict(Withheld.TRUSTED, pranks);
        }
        if (genuine) {
            return new Verdict(Withheld.GENUINE_CALL, pranks);
        }
        if (pranks < policy.after()) {
            return new Verdict(Withheld.TOO_FEW, pranks);
        }
        if (lastWarnedAt != null && lastWarnedAt.isAfter(since)) {
            return new Verdict(Withheld.ALREADY_WARNED, pranks);
        }
        return new Verdict(null, pranks);
    }
}
