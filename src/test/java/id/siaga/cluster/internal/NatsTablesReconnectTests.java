package id.siaga.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.cluster.SharedTable;
import id.siaga.cluster.SharedTopic;
import id.siaga.support.CuttableLink;
import id.siaga.support.PrivateNats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share a bus (a NATS JetStream of the test's own) that goes away and comes back: restarted, restarted without
 * its disk, or cut off from one node only. Each time, siaga-a's watch of the presence table and its subscription to the
 * calls topic pick up at once where they left off: what siaga-b writes and publishes once the bus is back reaches siaga-a,
 * nothing is delivered twice and nothing goes backwards.
 *
 * <p>The awaits are bounded at 10 s. That is a bound, not a measure: the client's own recovery of an ordered consumer
 * (its heartbeat alarm) takes about 30 s, so a node that waited for it would fail here. The catch-up measured is printed.
 */
class NatsTablesReconnectTests {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final long BOUND_SECONDS = 10;

    final List<Delivered<SharedTable.Entry>> seenByA = new CopyOnWriteArrayList<>();
    final List<SharedTopic.Message> heardByA = new CopyOnWriteArrayList<>();

    /** A change as siaga-a's watch delivered it, and when (System.nanoTime()). */
    record Delivered<T>(T what, long at) {
    }

    @Test
    void afterTheBusRestartsAWatchAndASubscriptionCatchUpAtOnceAndDeliverNothingTwice() throws Exception {
        try (PrivateNats bus = PrivateNats.notStarted()) {
            bus.startServer();
            try (NatsTables nodeA = new NatsTables(bus.url(), "rc", "test-a", TIMEOUT); NatsTables nodeB = new NatsTables(bus.url(), "rc", "test-b", TIMEOUT)) {
                SharedTable presenceB = nodeB.table("presence");
                SharedTopic callsB = nodeB.topic("calls", Duration.ofMinutes(5));
                watchAndSubscribe(nodeA);
                presenceB.put("OP-3404-1", "siaga-b READY");
                presenceB.put("OP-3404-2", "siaga-b READY");
                callsB.publish("call.POLRES-3404", "{\"i\":1}");
                callsB.publish("call.POLRES-3404", "{\"i\":2}");
                await("siaga-a hears siaga-b before the restart", () -> values().contains("siaga-b READY") && data().size() == 2, bus);

                bus.kill();
                bus.startServer();
                long restarted = System.nanoTime();
                await("siaga-b writes once the bus is back", () -> wrote(() -> presenceB.put("OP-3404-1", "siaga-b AWAY")), bus);
                long written = System.nanoTime();
                await("siaga-a's watch delivers siaga-b's change", () -> values().contains("siaga-b AWAY"), bus);
                long heard = seenByA.stream().filter(d -> d.what().value().orElse("").equals("siaga-b AWAY")).findFirst().orElseThrow().at();
                System.out.printf("catch-up after the NATS restart: siaga-b's write taken %d ms after the restart, delivered to siaga-a's watch "
                        + "%d ms after the restart (%d ms after the write)%n", (written - restarted) / 1_000_000, (heard - restarted) / 1_000_000,
                        (heard - written) / 1_000_000);
                callsB.publish("call.POLRES-3404", "{\"i\":3}");
                await("siaga-a's subscription hears what siaga-b published after the restart", () -> data().contains("{\"i\":3}"), bus);
                presenceB.put("OP-3404-2", "siaga-b BUSY");
                await("and the watch goes on", () -> values().contains("siaga-b BUSY"), bus);

                assertThat(values()).as("every change once, in order").containsExactly("siaga-b READY", "siaga-b READY", "siaga-b AWAY",
                        "siaga-b BUSY");
                assertThat(revisions()).as("revisions never repeated nor going backwards").isSorted().doesNotHaveDuplicates();
                assertThat(data()).as("every event once, in order").containsExactly("{\"i\":1}", "{\"i\":2}", "{\"i\":3}");
                assertThat(sequences()).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aNodeCutOffFromTheBusResumesFromTheLastSequenceAndRevisionItHad() throws Exception {
        try (PrivateNats bus = PrivateNats.notStarted()) {
            bus.startServer();
            try (CuttableLink link = new CuttableLink(bus.port());
                 NatsTables nodeA = new NatsTables("nats://127.0.0.1:" + link.port(), "rc", "test-a", TIMEOUT);
                 NatsTables nodeB = new NatsTables(bus.url(), "rc", "test-b", TIMEOUT)) {
                SharedTable presenceB = nodeB.table("presence");
                SharedTopic callsB = nodeB.topic("calls", Duration.ofMinutes(5));
                watchAndSubscribe(nodeA);
                presenceB.put("OP-3404-1", "siaga-b READY");
                callsB.publish("call.POLRES-3404", "{\"i\":1}");
                callsB.publish("call.POLRES-3404", "{\"i\":2}");
                await("siaga-a hears siaga-b", () -> values().contains("siaga-b READY") && data().size() == 2, bus);

                link.cut();
                await("siaga-a notices it is cut off", () -> !nodeA.connected(), bus);
                // the bus runs on: siaga-b's writes and events are kept while siaga-a cannot hear them
                callsB.publish("call.POLRES-3404", "{\"i\":3}");
                callsB.publish("call.POLRES-3404", "{\"i\":4}");
                presenceB.put("OP-3404-1", "siaga-b BUSY");
                presenceB.put("OP-3404-2", "siaga-b AWAY");
                link.restore();
                long restored = System.nanoTime();

                await("siaga-a hears what was published while it was cut off", () -> data().contains("{\"i\":4}"), bus);
                await("siaga-a's watch delivers what was written while it was cut off", () -> values().contains("siaga-b AWAY"), bus);
                System.out.printf("catch-up after the link came back: %d ms%n", (System.nanoTime() - restored) / 1_000_000);
                callsB.publish("call.POLRES-3404", "{\"i\":5}");
                await("and goes on", () -> data().contains("{\"i\":5}"), bus);

                assertThat(data()).as("every event once, in order").containsExactly("{\"i\":1}", "{\"i\":2}", "{\"i\":3}", "{\"i\":4}", "{\"i\":5}");
                assertThat(sequences()).isSorted().doesNotHaveDuplicates();
                assertThat(values()).as("every change once, in order").containsExactly("siaga-b READY", "siaga-b BUSY", "siaga-b AWAY");
                assertThat(revisions()).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aBusThatLostItsDiskHasItsBucketsAndStreamsCreatedAgainAndWatchedFromTheirStart() throws Exception {
        try (PrivateNats bus = PrivateNats.notStarted()) {
            bus.startServer();
            try (NatsTables nodeA = new NatsTables(bus.url(), "rc", "test-a", TIMEOUT); NatsTables nodeB = new NatsTables(bus.url(), "rc", "test-b", TIMEOUT)) {
                SharedTable presenceB = nodeB.table("presence");
                SharedTopic callsB = nodeB.topic("calls", Duration.ofMinutes(5));
                watchAndSubscribe(nodeA);
                presenceB.put("OP-3404-1", "siaga-b READY");
                presenceB.put("OP-3404-2", "siaga-b READY");
                presenceB.put("OP-3404-3", "siaga-b READY");
                callsB.publish("call.POLRES-3404", "{\"i\":1}");
                await("siaga-a hears siaga-b", () -> values().size() == 3 && data().size() == 1, bus);

                bus.kill();
                bus.loseStorage();
                bus.startServer();
                // the bucket is created again by whichever node sets it up first; until then the write is refused
                await("siaga-b writes into the bucket made again", () -> wrote(() -> presenceB.put("OP-3404-1", "siaga-b AWAY")), bus);
                await("siaga-a's watch delivers it, though its revision is lower than those it had", () -> values().contains("siaga-b AWAY"), bus);
                await("siaga-a hears an event on the stream made again", () -> {
                    callsB.publish("call.POLRES-3404", "{\"i\":2}");
                    return data().contains("{\"i\":2}");
                }, bus);
                assertThat(seenByA.get(seenByA.size() - 1).what().revision()).as("the new bucket's first revision").isEqualTo(1);
            }
        }
    }

    private void watchAndSubscribe(NatsTables node) {
        node.table("presence").watch(e -> seenByA.add(new Delivered<>(e, System.nanoTime())));
        node.topic("calls", Duration.ofMinutes(5)).subscribe("call.>", Duration.ZERO, heardByA::add);
    }

    private List<String> values() {
        return seenByA.stream().map(d -> d.what().value().orElse("(deleted)")).toList();
    }

    private List<Long> revisions() {
        return seenByA.stream().map(d -> d.what().revision()).toList();
    }

    private List<String> data() {
        return heardByA.stream().map(SharedTopic.Message::data).toList();
    }

    private List<Long> sequences() {
        return heardByA.stream().map(SharedTopic.Message::sequence).toList();
    }

    /** Whether the bus took the write. */
    private static boolean wrote(Supplier<Long> write) {
        try {
            write.get();
            return true;
        } catch (SharedTable.Unavailable e) {
            return false;
        }
    }

    /** Waits until {@code ok}, {@link #BOUND_SECONDS} at most (a bound, not a measure: the client's own recovery takes ~30 s). */
    private static void await(String description, BooleanSupplier ok, PrivateNats bus) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        boolean passed = ok.getAsBoolean();
        while (!passed && System.nanoTime() < deadline) {
            Thread.sleep(50);
            passed = ok.getAsBoolean();
        }
        System.out.printf("%s: %d ms%n", description, (System.nanoTime() - start) / 1_000_000);
        assertThat(passed).as(description + "\n" + bus.log()).isTrue();
    }
}
