package id.siaga.telephony.media;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rtpengine instances take new calls: the live ones, in turn (round-robin). An instance that did not answer is
 * down: skipped by new calls until {@code retryDeadAfter} has passed since it last failed, then due for a probe (a
 * ping); it is live again when it answers. Pure: the time is given, nothing is sent from here.
 */
final class RtpengineInstances {

    /** One instance as the client sees it: when it last failed (empty while live) and why. */
    record State(InetSocketAddress address, Optional<Instant> downSince, String lastFailure) {

        public boolean live() {
            return downSince.isEmpty();
        }
    }

    private final Map<InetSocketAddress, State> states = new LinkedHashMap<>();
    private final List<InetSocketAddress> order;
    private final Duration retryDeadAfter;
    private int next;

    RtpengineInstances(List<InetSocketAddress> instances, Duration retryDeadAfter) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("at least one rtpengine instance is needed");
        }
        this.order = List.copyOf(instances);
        this.retryDeadAfter = retryDeadAfter;
        for (InetSocketAddress address : order) {
            if (states.put(address, new State(address, Optional.empty(), "")) != null) {
                throw new IllegalArgumentException("rtpengine " + NgSocket.describe(address) + " is listed twice");
            }
        }
    }

    /** The live instances in the order a new call tries them: each call starts one further along than the last. */
    synchronized List<InetSocketAddress> forNewCall() {
        List<InetSocketAddress> live = new ArrayList<>();
        int n = order.size();
        for (int i = 0; i < n; i++) {
            InetSocketAddress candidate = order.get((next + i) % n);
            if (states.get(candidate).live()) {
                live.add(candidate);
            }
        }
        next = (next + 1) % n;
        return live;
    }

    /** The instance did not answer at {@code now}: new calls skip it. */
    synchronized void failed(InetSocketAddress address, Instant now, String reason) {
        states.put(address, new State(address, Optional.of(now), reason));
    }

    /** The instance answered: it takes new calls (again). Returns whether it was down. */
    synchronized boolean answered(InetSocketAddress address) {
        State was = states.get(address);
        states.put(address, new State(address, Optional.empty(), was.lastFailure()));
        return !was.live();
    }

    /** The instances down for at least {@code retryDeadAfter} at {@code now}: to be pinged. */
    synchronized List<InetSocketAddress> dueForProbe(Instant now) {
        return states.values().stream()
                .filter(s -> s.downSince().isPresent() && !s.downSince().get().plus(retryDeadAfter).isAfter(now))
                .map(State::address).toList();
    }

    /** Every instance's state, in the configured order. */
    synchronized List<State> states() {
        return order.stream().map(states::get).toList();
    }

    /** Why no instance takes a new call: each one's last failure. */
    synchronized String noneLive() {
        StringBuilder why = new StringBuilder("no rtpengine instance is live: ");
        for (int i = 0; i < order.size(); i++) {
            State s = states.get(order.get(i));
            why.append(i == 0 ? "" : "; ").append(s.lastFailure().isEmpty() ? NgSocket.describe(s.address()) + " is down" : s.lastFailure());
            s.downSince().ifPresent(since -> why.append(" (down since ").append(since).append(")"));
        }
        return why.toString();
    }
}
