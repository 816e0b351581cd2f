package id.siaga.app;

import id.siaga.cluster.SharedTopic;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Station statuses and names across the cluster. They live in the shared database; the node where an administrator
 * changes one says so on the topic {@code stations} ({@code changed.<station>}, the node in the message), and every other
 * node reads them again from the database at once. A message the bus drops (it is away) is made up for by {@link #poll}:
 * each node reads them again every little while whatever it heard.
 */
final class StationChangesReplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StationChangesReplication.class);
    /** How long after a change that the bus dropped every node has it anyway. */
    static final Duration POLL = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SharedTopic topic;
    private final String node;
    private final StationDirectory stations;
    private AutoCloseable subscription;

    StationChangesReplication(SharedTopic topic, String node, StationDirectory stations) {
        this.topic = topic;
        this.node = node;
        this.stations = stations;
    }

    void start(StationAdministration administration) {
        administration.afterChange(this::changedHere);
        subscription = topic.subscribe("changed.>", Duration.ZERO, this::heard);
    }

    private void changedHere(StationId station) {
        String json = JSON.writeValueAsString(java.util.Map.of("node", node, "station", station.value()));
        if (!topic.publish("changed." + BusSubjects.token(station.value()), json)) {
            log.warn("cluster bus unavailable: station {} changed here; the other nodes read it from the database within {} s", station,
                    POLL.toSeconds());
        }
    }

    private void heard(SharedTopic.Message message) {
        try {
            if (node.equals(JSON.readTree(message.data()).path("node").asString())) {
                return; // this node's own change, already applied
            }
            if (stations.refresh()) {
                log.info("cluster: stations changed on another node ({}): statuses and names read again", message.subject());
            }
        } catch (RuntimeException e) {
            log.warn("cluster: stations changed on another node, but they could not be read again ({}); next try within {} s", e.toString(),
                    POLL.toSeconds());
        }
    }

    /** Reads the statuses and names again: what a dropped message would have brought. */
    void poll() {
        try {
            if (stations.refresh()) {
                log.info("stations changed on another node: statuses and names read again");
            }
        } catch (RuntimeException e) {
            log.debug("stations could not be read again: {}", e.toString());
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
