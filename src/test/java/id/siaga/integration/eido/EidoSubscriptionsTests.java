package id.siaga.integration.eido;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.incident.Incident;
import id.siaga.incident.IncidentId;
import id.siaga.location.DemoRegion;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conveyance's timers and limits with a clock in hand, at a station with no open incident: an expiry is granted within
 * its bounds and ends the subscription with {@code terminate} and the socket closed; a renewal moves it on; a quiet
 * subscription with a minRate gets an empty notification each period; a subscriber that acknowledges nothing is cut off.
 */
class EidoSubscriptionsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StationTree TREE = DemoRegion.load().tree();

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T03:00:00Z"));
    final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    final List<String> ended = new ArrayList<>();
    final EidoSubscriptions subscriptions = new EidoSubscriptions(new NoIncidents(), () -> TREE, new EidoSubscriptions.Log() {
        @Override
        public void subscribed(EidoSubscriptions.Subscriber s, String id, String subType, String incident, Duration expires) {
        }

        @Override
        public void ended(EidoSubscriptions.Subscriber s, String id, String reason) {
            ended.add(reason);
        }
    }, JSON, Duration.ofHours(1), clock, Runnable::run, unused);

    static final class NoIncidents implements EidoSubscriptions.Source {
        @Override
        public Optional<Incident> find(IncidentId id) {
            return Optional.empty();
        }

        @Override
        public List<Incident> open(Collection<StationId> stations) {
            return List.of();
        }

        @Override
        public ObjectNode eido(Incident incident) {
            throw new AssertionError("no incident here");
        }
    }

    static final class Socket implements EidoSubscriptions.Subscriber {
        final List<JsonNode> sent = new ArrayList<>();
        String closed;

        @Override
        public String name() {
            return "Binmas Bantul";
        }

        @Override
        public StationId station() {
            return StationId.of("POLRES-3402");
        }

        @Override
        public boolean send(String message) {
            sent.add(JSON.readTree(message));
            return true;
        }

        @Override
        public void close(String reason) {
            closed = reason;
        }

        JsonNode last(String kind) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).has(kind)) {
                    return sent.get(i).path(kind);
                }
            }
            throw new AssertionError("no " + kind + " in " + sent);
        }

        long count(String kind) {
            return sent.stream().filter(m -> m.has(kind)).count();
        }
    }

    @AfterEach
    void stop() {
        unused.shutdownNow();
    }

    @Test
    void aSubscriptionExpiresWithTerminateUnlessRenewedAndTheLastOneClosesTheSocket() {
        Socket s = new Socket();
        subscriptions.opened(s);
        subscriptions.received(s, "{\"subscribe\":{\"requestId\":\"a\",\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"expires\":5}}");
        JsonNode ok = s.last("subscribeResponse");
        assertThat(ok.path("expires").asInt()).as("never shorter than 15 s").isEqualTo(15);
        assertThat(s.last("event").path("notification").size()).as("nothing open: an empty first notification").isZero();
        String id = ok.path("subscriptionId").asString();

        clock.advance(Duration.ofSeconds(10));
        subscriptions.received(s, "{\"subscribe\":{\"requestId\":\"b\",\"subscriptionId\":\"" + id + "\",\"expires\":86400}}");
        assertThat(s.last("subscribeResponse").path("expires").asInt()).as("never longer than the setting").isEqualTo(3600);
        clock.advance(Duration.ofSeconds(3599));
        subscriptions.tick();
        assertThat(s.count("terminate")).as("renewed: still on").isZero();

        clock.advance(Duration.ofSeconds(1));
        subscriptions.tick();
        assertThat(s.last("terminate").path("subscriptionId").asString()).isEqualTo(id);
        assertThat(s.closed).isEqualTo("no subscription left");
        assertThat(ended).containsExactly("expired");
    }

    @Test
    void aQuietSubscriptionWithAMinRateGetsAnEmptyNotificationEachPeriod() {
        Socket s = new Socket();
        subscriptions.opened(s);
        subscriptions.received(s, "{\"subscribe\":{\"requestId\":\"a\",\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"minRate\":30}}");
        assertThat(s.last("subscribeResponse").path("minRate").asInt()).isEqualTo(30);
        acknowledgeAll(s);
        assertThat(s.count("event")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(29));
        subscriptions.tick();
        assertThat(s.count("event")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        subscriptions.tick();
        assertThat(s.count("event")).isEqualTo(2);
        assertThat(s.last("event").path("notification").size()).isZero();
    }

    @Test
    void aSubscriberThatAcknowledgesNothingIsCutOff() {
        Socket s = new Socket();
        subscriptions.opened(s);
        subscriptions.received(s, "{\"subscribe\":{\"requestId\":\"a\",\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"minRate\":5}}");
        for (int i = 0; i < EidoSubscriptions.MAX_UNACKNOWLEDGED + 1 && s.closed == null; i++) {
            clock.advance(Duration.ofSeconds(5));
            subscriptions.tick();
        }
        assertThat(s.count("event")).isEqualTo(EidoSubscriptions.MAX_UNACKNOWLEDGED);
        assertThat(s.closed).isEqualTo("notifications not acknowledged");

        Socket acking = new Socket();
        subscriptions.opened(acking);
        subscriptions.received(acking, "{\"subscribe\":{\"requestId\":\"a\",\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"minRate\":5}}");
        for (int i = 0; i < EidoSubscriptions.MAX_UNACKNOWLEDGED + 1; i++) {
            acknowledgeAll(acking);
            clock.advance(Duration.ofSeconds(5));
            subscriptions.tick();
        }
        assertThat(acking.closed).as("one that acknowledges stays").isNull();
    }

    void acknowledgeAll(Socket s) {
        for (JsonNode m : List.copyOf(s.sent)) {
            if (m.has("event")) {
                subscriptions.received(s, "{\"eventResponse\":{\"transactionId\":\"" + m.path("event").path("transactionId").asString()
                        + "\",\"statusCode\":200,\"statusText\":\"OK\"}}");
            }
        }
    }
}
