package id.siaga.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.cluster.SharedTable;
import id.siaga.cluster.SharedTopic;
import id.siaga.support.NatsBuckets;
import id.siaga.support.Peers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster's bus on the machine's NATS JetStream (buckets and streams of the test's own): a create wins once, writes
 * at a stale revision are refused, every node's watch sees every change; a topic delivers its messages in order, and a
 * subscriber that comes late replays what was stored.
 */
class NatsTablesTests {

    final String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8);
    final NatsTables nodeA = new NatsTables("nats://127.0.0.1:4222", prefix, "test-a", Duration.ofSeconds(2));
    final NatsTables nodeB = new NatsTables("nats://127.0.0.1:4222", prefix, "test-b", Duration.ofSeconds(2));

    @BeforeAll
    static void peers() {
        Peers.require(Peers.listening("127.0.0.1", 4222), "NATS JetStream at 127.0.0.1:4222");
    }

    @AfterEach
    void close() throws Exception {
        nodeA.close();
        nodeB.close();
        NatsBuckets.deleteAll(prefix);
        try (io.nats.client.Connection nc = io.nats.client.Nats.connect("nats://127.0.0.1:4222")) {
            nc.jetStreamManagement().deleteStream(prefix + "-events");
        } catch (io.nats.client.JetStreamApiException none) {
            // the test made no stream
        }
    }

    @Test
    void aClaimIsWonOnceAndGivenUpOnlyAtItsOwnRevision() throws Exception {
        SharedTable a = nodeA.table("phones");
        SharedTable b = nodeB.table("phones");
        List<SharedTable.Entry> seenByB = new CopyOnWriteArrayList<>();
        b.watch(seenByB::add);

        OptionalLong won = a.create("OP-3404-1", "siaga-a");
        assertThat(won).isPresent();
        assertThat(b.create("OP-3404-1", "siaga-b")).as("siaga-a holds it").isEmpty();
        assertThat(b.get("OP-3404-1")).map(e -> e.value().orElseThrow()).contains("siaga-a");
        assertThat(b.delete("OP-3404-1", won.getAsLong() - 1)).as("a stale revision").isFalse();
        assertThat(a.delete("OP-3404-1", won.getAsLong())).isTrue();
        assertThat(b.create("OP-3404-1", "siaga-b")).as("free again").isPresent();

        awaitSize(seenByB, 3);
        assertThat(seenByB).extracting(e -> e.value().orElse("(deleted)")).containsExactly("siaga-a", "(deleted)", "siaga-b");
        assertThat(a.get("OP-3404-9")).isEqualTo(Optional.empty());
    }

    @Test
    void aTopicDeliversInOrderAndALateSubscriberReplaysWhatWasStored() throws Exception {
        SharedTopic a = nodeA.topic("events", Duration.ofMinutes(5));
        SharedTopic b = nodeB.topic("events", Duration.ofMinutes(5));
        List<SharedTopic.Message> live = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = b.subscribe("call.>", Duration.ZERO, live::add)) {
            Thread.sleep(200);
            for (int i = 0; i < 50; i++) {
                a.publish("call.POLRES-3404", "{\"i\":" + i + "}");
            }
            a.publish("cad.POLRES-3404", "{\"other\":true}");
            awaitSize(live, 50);
        }
        assertThat(live).extracting(SharedTopic.Message::data).first().isEqualTo("{\"i\":0}");
        assertThat(live).extracting(SharedTopic.Message::subject).containsOnly("call.POLRES-3404");
        assertThat(live).extracting(SharedTopic.Message::sequence).isSorted();

        List<SharedTopic.Message> replayed = new CopyOnWriteArrayList<>();
        try (AutoCloseable late = b.subscribe(">", Duration.ofMinutes(1), replayed::add)) {
            awaitSize(replayed, 51);
        }
        assertThat(replayed).last().extracting(SharedTopic.Message::subject).isEqualTo("cad.POLRES-3404");
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSize(size);
    }
}
