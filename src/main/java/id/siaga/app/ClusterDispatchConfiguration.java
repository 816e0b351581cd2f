package id.siaga.app;

import id.siaga.cluster.internal.NatsTables;
import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incidents;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.tracking.LivePositions;
import id.siaga.tracking.internal.MqttPositionClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dispatch and tracking on any node of a cluster ({@code siaga.cluster.enabled}; docs/CLUSTER.md): positions shared over the
 * topic {@code positions} ({@link PositionSharing}), incident and dispatch events over {@code cad} ({@link CadReplication}),
 * and what a survivor takes over from a lost node besides its calls: the acknowledgement timeouts of the alerts it sent and
 * the silence of the units it heard last ({@link DispatchDesk#takeOverTimers}), and its MQTT session, with the positions the
 * broker had queued for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
class ClusterDispatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterDispatchConfiguration.class);
    /** How long the stream keeps positions: enough for a node that reconnects to catch up; older ones are in track history. */
    static final Duration POSITIONS_KEPT = Duration.ofMinutes(2);
    /** What a starting node replays of them: those its restore from track history may not have seen committed yet. */
    static final Duration POSITIONS_REPLAYED = Duration.ofMinutes(1);
    /** How long the stream keeps incident and dispatch events, for a node that reconnects. */
    static final Duration CAD_KEPT = Duration.ofHours(1);
    /** An MQTT session taken over ends once nothing has come for this long and all it gave is kept. */
    static final Duration SESSION_QUIET = Duration.ofSeconds(1);

    /** Started once the desk listens to the live positions ({@code desk}), so what it replays reaches the nearest-unit index. */
    @Bean(destroyMethod = "close")
    PositionSharing positionSharing(NatsTables bus, ClusterProperties props, LivePositions live, DispatchDesk desk, Clock clock,
                                    MeterRegistry meters) {
        PositionSharing sharing = new PositionSharing(bus.topic("positions", POSITIONS_KEPT), props.nodeId(), live, clock, meters);
        sharing.start(POSITIONS_REPLAYED);
        return sharing;
    }

    @Bean(destroyMethod = "close")
    CadReplication cadReplication(NatsTables bus, ClusterProperties props, Incidents incidents, DispatchDesk desk) {
        CadReplication cad = new CadReplication(bus.topic("cad", CAD_KEPT), props.nodeId(), incidents, desk);
        cad.start();
        return cad;
    }

    /** What a lost node leaves to this one besides its calls (those {@link ClusterMembership} closes first). */
    @Bean
    LostNodeDispatch lostNodeDispatch(ClusterMembership membership, DispatchDesk desk, Journal journal, ClusterProperties props,
                                      TrackingProperties tracking, ObjectProvider<MqttPositionClient> mqtt) {
        LostNodeDispatch lost = new LostNodeDispatch(desk, journal, props, tracking, mqtt.getIfAvailable());
        membership.onNodeLost(lost::takeOver);
        return lost;
    }

    /** The lost node's timers and its MQTT session, taken over. */
    record LostNodeDispatch(DispatchDesk desk, Journal journal, ClusterProperties props, TrackingProperties tracking, MqttPositionClient mqtt) {

        void takeOver(String lost) {
            List<Assignment> taken = desk.takeOverTimers(lost);
            if (!taken.isEmpty()) {
                log.warn("cluster: node {} takes over the acknowledgement timeouts of {} assignments of lost node {}: {}", props.nodeId(),
                        taken.size(), lost, taken.stream().map(a -> a.unitId() + " to " + a.incident()).toList());
                journal.append("DispatchTimersTakenOver", SubjectKind.NODE, lost, "system", Map.of("takenOverBy", props.nodeId(),
                        "assignments", taken.stream().map(a -> a.id().value()).toList()));
            }
            if (mqtt != null) {
                for (String session : TrackingConfiguration.mqttSettings(tracking.mqtt(), props, lost).clientIds()) {
                    mqtt.takeOverSession(session, SESSION_QUIET, tracking.historyCommitTimeout().multipliedBy(12)).whenComplete((n, e) -> {
                        if (e != null) {
                            log.error("cluster: MQTT session {} of lost node {}: {}", session, lost, e.getMessage());
                        } else if (n > 0) {
                            journal.append("MqttSessionTakenOver", SubjectKind.NODE, lost, "system", Map.of("takenOverBy", props.nodeId(),
                                    "session", session, "positions", n));
                        }
                    });
                }
            }
        }
    }
}
