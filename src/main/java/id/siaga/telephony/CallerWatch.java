package id.siaga.telephony;

import id.siaga.telephony.event.CallRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * How the pipeline makes sure an unanswered call still has a caller, and that no single source fills the queue.
 *
 * @param probeInterval          how often the caller of an unanswered call is probed; zero turns probing off
 * @param maxWait                an unanswered call ends with a call-back task after this long, whatever the probes say
 * @param maxUnansweredPerSource unanswered calls at once from one untrusted network address; more are refused (503)
 * @param trustedSources         network addresses (carrier trunks, the cluster's SIP front) exempt from that limit
 */
public record CallerWatch(Duration probeInterval, Duration maxWait, int maxUnansweredPerSource, Set<String> trustedSources) {

    /** No probing, a day's wait and no limit per source: what a pipeline without a watch does. */
    public static final CallerWatch NONE = new CallerWatch(Duration.ZERO, Duration.ofDays(1), Integer.MAX_VALUE, Set.of());

    public CallerWatch {
        trustedSources = Set.copyOf(trustedSources);
        if (probeInterval.isNegative() || maxWait.isNegative() || maxWait.isZero() || maxUnansweredPerSource < 1) {
            throw new IllegalArgumentException("caller watch needs probeInterval >= 0, maxWait > 0 and at least 1 call per source");
        }
    }

    /** Whether a call from this source counts against the per-source limit. */
    public boolean limits(String source) {
        return source != null && !trustedSources.contains(source);
    }

    /** Whether an unanswered call offered and last probed at these times is due a probe, or has waited too long. */
    boolean due(Instant offeredAt, Instant probedAt, Instant now) {
        return Duration.between(offeredAt, now).compareTo(maxWait) >= 0
                || (!probeInterval.isZero() && Duration.between(probedAt, now).compareTo(probeInterval) >= 0);
    }

    /**
     * The refusal of a call from a source that already has the most unanswered calls it may (never one from a trusted
     * trunk or an unknown source): a flood of forged INVITEs from one address cannot fill the queue.
     */
    Optional<CallRefused> refusal(IncomingCall call, Collection<Call> live) {
        String source = call.source();
        if (!limits(source)) {
            return Optional.empty();
        }
        long unanswered = live.stream().filter(c -> c.unanswered() && source.equals(c.incoming().source())).count();
        return refusal(call.id(), call.callerNumber(), source, unanswered);
    }

    /**
     * The same rule for a network edge that counts a source's unanswered calls itself, so it can refuse an INVITE as it
     * arrives, before the caller hears anything: the refusal of call {@code id} from {@code caller} at {@code source},
     * which has {@code unanswered} calls waiting already, when that is as many as it may have.
     */
    public Optional<CallRefused> refusal(CallId id, String caller, String source, long unanswered) {
        if (!limits(source) || unanswered < maxUnansweredPerSource) {
            return Optional.empty();
        }
        return Optional.of(new CallRefused(id, 503, caller, source,
                "too many unanswered calls from one source (" + unanswered + ", limit " + maxUnansweredPerSource + ")"));
    }

    /** How often the watch looks at the waiting calls: often enough for both the probes and the maximum wait. */
    Duration sweepEvery() {
        Duration every = probeInterval.isZero() ? maxWait : probeInterval;
        Duration atMost = Duration.ofSeconds(5);
        return every.compareTo(atMost) > 0 ? atMost : every;
    }
}
