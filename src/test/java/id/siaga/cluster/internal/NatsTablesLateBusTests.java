package id.siaga.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.cluster.NodeRequests;
import id.siaga.cluster.SharedTable;
import id.siaga.cluster.SharedTopic;
import id.siaga.support.PrivateNats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A node whose bus (a NATS JetStream of the test's own) is not running when the node starts: the node is built at once,
 * its tables, topics and request handlers are handed out, and everything that needs the server says at once that the bus
 * is unavailable. Once the bus runs, the watch made before it did reads what another node wrote, the subscription made
 * before replays its window, and the request handler answers. Killed and started again on the same storage, the bus
 * comes back and the watch catches up.
 */
class NatsTablesLateBusTests {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void aNodeBuiltWhileTheBusIsDownSharesItsLiveStateOnceTheBusRuns() throws Exception {
        try (PrivateNats bus = PrivateNats.notStarted(); NatsTables nodeA = new NatsTables(bus.url(), "late", "test-a", TIMEOUT)) {
            SharedTable presenceA = nodeA.table("presence");
            SharedTopic callsA = nodeA.topic("calls", Duration.ofMinutes(5));
            NodeRequests requestsA = nodeA.requests("siaga-a");
            assertThat(nodeA.connected()).isFalse();
            assertThatThrownBy(() -> presenceA.put("OP-3404-1", "siaga-a READY")).isInstanceOf(SharedTable.Unavailable.class)
                    .hasMessageContaining("not been reached");
            assertThatThrownBy(() -> presenceA.create("OP-3404-1", "siaga-a")).isInstanceOf(SharedTable.Unavailable.class);
            assertThatThrownBy(() -> presenceA.get("OP-3404-1")).isInstanceOf(SharedTable.Unavailable.class);
            assertThatThrownBy(() -> requestsA.ask("siaga-b", "ping", "{}", TIMEOUT)).isInstanceOf(SharedTable.Unavailable.class);
            callsA.publish("call.POLRES-3404", "{\"dropped\":true}"); // dropped and counted, never thrown

            List<SharedTable.Entry> seenByA = new CopyOnWriteArrayList<>();
            presenceA.watch(seenByA::add);
            List<SharedTopic.Message> heardByA = new CopyOnWriteArrayList<>();
            AutoCloseable subscription = callsA.subscribe("call.>", Duration.ofMinutes(1), heardByA::add);
            requestsA.answer("ping", request -> "pong " + request);

            bus.startServer();
            try (NatsTables nodeB = new NatsTables(bus.url(), "late", "test-b", TIMEOUT)) {
                // a bus that runs is connected while the node is built: its table is set up at once, as before
                SharedTable presenceB = nodeB.table("presence");
                presenceB.put("OP-3404-1", "siaga-b READY");
                nodeB.topic("calls", Duration.ofMinutes(5)).publish("call.POLRES-3404", "{\"i\":1}");
                presenceB.put("OP-3404-1", "siaga-b BUSY");

                await("siaga-a's watch, made before the bus ran, reads siaga-b's latest value", () -> values(seenByA),
                        v -> v.contains("siaga-b BUSY"), bus);
                await("siaga-a's subscription, made before the bus ran, replays its window", () -> heardByA.stream().map(SharedTopic.Message::data)
                        .toList(), d -> d.contains("{\"i\":1}"), bus);
                assertThat(heardByA).extracting(SharedTopic.Message::data).as("published before the bus ran: dropped").doesNotContain(
                        "{\"dropped\":true}");
                NodeRequests requestsB = nodeB.requests("siaga-b");
                await("siaga-a's request handler, registered before the bus ran, answers", () -> attempt(() -> requestsB.ask("siaga-a", "ping",
                        "hi", TIMEOUT)), "pong hi"::equals, bus);
                assertThat(nodeA.connected()).isTrue();
                await("siaga-a writes once its bucket is set up", () -> attempt(() -> Long.toString(presenceA.put("OP-3404-2", "siaga-a READY"))),
                        r -> !r.startsWith("unavailable"), bus);
                await("siaga-b's watch sees siaga-a's write", () -> attempt(() -> presenceB.get("OP-3404-2").flatMap(SharedTable.Entry::value).orElse("(none)")),
                        "siaga-a READY"::equals, bus);

                bus.kill();
                bus.startServer();
                await("siaga-b writes again once the bus is back", () -> attempt(() -> Long.toString(presenceB.put("OP-3404-1", "siaga-b AWAY"))),
                        r -> !r.startsWith("unavailable"), bus);
                await("siaga-a's watch catches up after the bus was killed and started again", () -> values(seenByA),
                        v -> v.contains("siaga-b AWAY"), bus);
                await("siaga-a's subscription resumes", () -> {
                    nodeB.topic("calls", Duration.ofMinutes(5)).publish("call.POLRES-3404", "{\"i\":2}");
                    return heardByA.stream().map(SharedTopic.Message::data).toList();
                }, d -> d.contains("{\"i\":2}"), bus);
                assertThat(values(seenByA)).as("in order: siaga-b's BUSY before its AWAY").containsSubsequence("siaga-b BUSY", "siaga-b AWAY");
            }
            subscription.close();
        }
    }

    @Test
    void aNodeClosedBeforeTheBusEverRanLeavesNothingTryingToReachIt() throws Exception {
        try (PrivateNats bus = PrivateNats.notStarted()) {
            NatsTables node = new NatsTables(bus.url(), "late", "test-closed", TIMEOUT);
            node.table("presence").watch(e -> { });
            node.close();
            await("its connector ends", () -> connectorsAlive(), n -> n == 0, bus);
        }
    }

    private static long connectorsAlive() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("cluster-bus test-closed") && t.isAlive()).count();
    }

    private static List<String> values(List<SharedTable.Entry> seen) {
        return seen.stream().map(e -> e.value().orElse("(deleted)")).toList();
    }

    /** What {@code call} returns, or why the bus refused it. */
    private static String attempt(Supplier<String> call) {
        try {
            return call.get();
        } catch (SharedTable.Unavailable e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /** Reads {@code what} until it passes {@code ok}, for a minute at most (a bound, not a measure). */
    private static <T> void await(String description, Supplier<T> what, Predicate<T> ok, PrivateNats bus)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(60);
        T last = what.get();
        while (!ok.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = what.get();
        }
        System.out.printf("%s: %d ms%n", description, (System.nanoTime() - start) / 1_000_000);
        assertThat(ok.test(last)).as(description + ": last " + last + "\n" + bus.log()).isTrue();
    }
}
