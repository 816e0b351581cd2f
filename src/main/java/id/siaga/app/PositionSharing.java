package id.siaga.app;

import id.siaga.cluster.SharedTopic;
import id.siaga.tracking.LivePositions;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every unit's position on every node, whichever node a fix reached (the OsmAnd door, MQTT, the officer app): each fix this
 * node's pipeline validated and moved a unit with is published on the topic {@code positions}, subject
 * {@code unit.<unit>} (never waiting: the GPS path does not), and every other node's is applied to this node's live
 * positions ({@link LivePositions#shared}), which moves the unit on the map and in dispatch's nearest-unit index. A fix
 * is kept in track history once, by the node that received it; the others do not store it again. A node that starts or
 * reconnects replays the last {@code replay} of the topic (older positions come from track history); a fix older than
 * the unit's last changes nothing, so a replay is harmless.
 *
 * <p>Metric {@code siaga.cluster.positions.delay}: from a fix received by another node to its position here (across two
 * machines it includes the offset of their clocks).
 */
final class PositionSharing implements PositionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PositionSharing.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SharedTopic topic;
    private final String node;
    private final LivePositions live;
    private final Clock clock;
    private final Timer delay;
    private final Counter applied;
    private final Counter unreadable;
    private AutoCloseable subscription;

    PositionSharing(SharedTopic topic, String node, LivePositions live, Clock clock, MeterRegistry meters) {
        this.topic = topic;
        this.node = node;
        this.live = live;
        this.clock = clock;
        this.delay = Timer.builder("siaga.cluster.positions.delay").publishPercentiles(0.5, 0.99)
                .description("from a fix received by another node of the cluster to its position here").register(meters);
        this.applied = Counter.builder("siaga.cluster.positions.applied").description("other nodes' fixes that moved a unit here").register(meters);
        this.unreadable = Counter.builder("siaga.cluster.positions.unreadable").description("position messages that could not be read").register(meters);
    }

    void start(Duration replay) {
        live.addListener(this);
        subscription = topic.subscribe("unit.>", replay, this::received);
        log.info("cluster: positions received by any node move units here (topic positions, replaying the last {})", replay);
    }

    @Override
    public void positionAccepted(Position p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("node", node);
        o.set("position", JSON.valueToTree(p));
        topic.publish("unit." + BusSubjects.token(p.unitId()), JSON.writeValueAsString(o));
    }

    /** Another node's fix, applied here: that node published it. */
    @Override
    public void positionShared(Position position, String receivedBy) {
    }

    private void received(SharedTopic.Message m) {
        Position p;
        String from;
        try {
            JsonNode o = JSON.readTree(m.data());
            from = o.path("node").asString();
            p = JSON.treeToValue(o.path("position"), Position.class);
            if (from.isEmpty() || p.unitId() == null || p.fixTime() == null || p.receivedAt() == null) {
                throw new IllegalArgumentException("node, unit, fix time or time received missing");
            }
        } catch (RuntimeException e) {
            unreadable.increment();
            log.warn("cluster: position message {} on {} unreadable: {}", m.sequence(), m.subject(), e.getMessage());
            return;
        }
        if (from.equals(node)) {
            return;
        }
        if (live.shared(p, from)) {
            applied.increment();
            delay.record(Duration.between(p.receivedAt(), clock.instant()));
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
