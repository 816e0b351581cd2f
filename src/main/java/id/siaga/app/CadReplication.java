package id.siaga.app;

import id.siaga.cluster.SharedTopic;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.incident.IncidentEvent;
import id.siaga.incident.Incidents;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incidents and dispatch of a cluster as one: every change this node makes (told to the incident service's and the
 * desk's own listeners, after it is stored and journalled) is published on the topic {@code cad}, subject
 * {@code incident.<station>} or {@code dispatch.<station>} (the incident's responsible station, the unit's station); every
 * change another node published is handed to this node's incident service or desk as made elsewhere
 * ({@code changedOnAnotherNode}): the desk reads the unit again from the database, and both tell their cluster listeners
 * (the consoles' CAD stream) only, so nothing is journalled, reacted to or published twice. This node's own messages,
 * which the topic delivers back, are skipped by the node id they carry.
 */
final class CadReplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CadReplication.class);

    private final SharedTopic topic;
    private final String node;
    private final Incidents incidents;
    private final DispatchDesk desk;
    private AutoCloseable subscription;

    CadReplication(SharedTopic topic, String node, Incidents incidents, DispatchDesk desk) {
        this.topic = topic;
        this.node = node;
        this.incidents = incidents;
        this.desk = desk;
    }

    void start() {
        subscription = topic.subscribe(">", Duration.ZERO, this::received);
        incidents.addListener(this::publish);
        desk.addListener(this::publish);
        log.info("cluster: incidents and dispatch of every node reach this node's consoles (topic cad)");
    }

    private void publish(IncidentEvent e) {
        try {
            topic.publish("incident." + BusSubjects.token(e.incident().station().value()), ClusterEvents.write(node, e));
        } catch (RuntimeException failed) {
            // the change is stored and journalled; the other nodes' consoles see it when they reload
            log.error("cluster: {} of incident {} not published to the other nodes", e.type(), e.incident().id(), failed);
        }
    }

    private void publish(DispatchEvent e) {
        try {
            String station = desk.roster().find(e.unitId()).map(u -> u.station().value()).orElse("unknown");
            topic.publish("dispatch." + BusSubjects.token(station), ClusterEvents.write(node, e));
        } catch (RuntimeException failed) {
            log.error("cluster: {} of unit {} not published to the other nodes", e.type(), e.unitId(), failed);
        }
    }

    private void received(SharedTopic.Message m) {
        if (m.subject().startsWith("incident.")) {
            ClusterEvents.readIncident(m.data()).filter(r -> !r.node().equals(node)).ifPresent(r -> incidents.changedOnAnotherNode(r.event()));
        } else if (m.subject().startsWith("dispatch.")) {
            ClusterEvents.readDispatch(m.data()).filter(r -> !r.node().equals(node)).ifPresent(r -> desk.changedOnAnotherNode(r.event()));
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
