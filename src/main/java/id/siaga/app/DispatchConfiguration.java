package id.siaga.app;

import id.siaga.dispatch.AlertChannel;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.dispatch.DispatchStore;
import id.siaga.dispatch.IncidentProgress;
import id.siaga.dispatch.NearestUnitIndex;
import id.siaga.dispatch.UnitRoster;
import id.siaga.dispatch.UnitsCsvReader;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentStatusChanged;
import id.siaga.incident.Incidents;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.location.Jurisdictions;
import id.siaga.store.JdbcDispatchStore;
import id.siaga.store.OutboxDispatchStore;
import id.siaga.store.WebhookOutboxWriter;
import id.siaga.tracking.LivePositions;
import id.siaga.tracking.MqttGateway;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Field units and dispatch: the unit register from {@link DispatchProperties#unitsFile()}, the desk with its
 * store, the one-second timers, and the journal of every dispatch step (under the incident when the step
 * belongs to an assignment, under the unit otherwise).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DispatchConfiguration.class);

    @Bean
    UnitRoster unitRoster(DispatchProperties props, Jurisdictions jurisdictions, ResourceLoader resources) {
        UnitRoster roster = SettingFiles.read(resources, "siaga.dispatch.units-file", props.unitsFile(),
                (r, source) -> new UnitRoster(UnitsCsvReader.read(r, source, jurisdictions.tree())));
        log.info("field units loaded from {}: {}", props.unitsFile(), roster.size());
        return roster;
    }

    @Bean
    @DependsOnDatabaseInitialization
    DispatchStore dispatchStore(JdbcTemplate jdbc, WebhookOutboxWriter webhooks) {
        return new OutboxDispatchStore(new JdbcDispatchStore(jdbc), webhooks);
    }

    @Bean
    IncidentProgress incidentProgress(Incidents incidents) {
        return new IncidentDispatchBridge(incidents);
    }

    /** The desk, told when an incident ends so its units are released (and, if withdrawn, told to stand down). */
    @Bean
    DispatchDesk dispatchDesk(UnitRoster roster, IncidentProgress progress, Incidents incidents, DispatchStore store, DispatchProperties props,
                              Journal journal, LivePositions positions, MqttGateway mqtt, TrackingProperties tracking, Clock clock) {
        AlertChannel devices = new MqttAlertChannel(mqtt, tracking.mqtt().topicRoot());
        DispatchDesk desk = new DispatchDesk(roster, progress, store, List.of(devices), props.eta(), props.policy(),
                new NearestUnitIndex(props.gridCell()), clock, journal.node());
        desk.addListener(event -> journal(journal, event));
        // where the units were before a restart (restored from track history), then every fix from now on
        positions.all().forEach(desk::positionAccepted);
        positions.addListener(desk);
        incidents.addListener(event -> {
            if (event instanceof IncidentStatusChanged changed && (changed.to().isFinal() || changed.to() == IncidentStatus.RESOLVED)) {
                desk.incidentEnded(changed.incident().id(), changed.to(), changed.actor());
            }
        });
        return desk;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService dispatchTimers(DispatchDesk desk, DispatchProperties props) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dispatch-timers");
            t.setDaemon(true);
            return t;
        });
        long every = props.tick().toMillis();
        timers.scheduleWithFixedDelay(() -> {
            try {
                desk.tick();
            } catch (RuntimeException e) {
                // a failed round (database away) is retried at the next tick; the timers must never stop
                log.error("dispatch timers failed; retrying in {} ms", every, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return timers;
    }

    static void journal(Journal journal, DispatchEvent event) {
        String actor = actor(event);
        java.util.concurrent.CompletableFuture<id.siaga.journal.JournalEntry> appended;
        if (event instanceof DispatchEvent.UnitAssigned e) {
            appended = journal.append(event.type(), SubjectKind.INCIDENT, e.assignment().incident().value(), actor, event.facts());
            log.info("unit {} sent to incident {} by {} ({} m, ETA {}), alerted via {}", e.callSign(), e.assignment().incident(), actor,
                    e.assignment().distanceAtAssignmentMeters() == null ? "?" : Math.round(e.assignment().distanceAtAssignmentMeters()),
                    e.assignment().etaAtAssignment(), e.alertedVia());
        } else if (event instanceof DispatchEvent.UnitAcknowledged e) {
            appended = journal.append(event.type(), SubjectKind.INCIDENT, e.assignment().incident().value(), actor, event.facts());
        } else if (event instanceof DispatchEvent.AcknowledgementOverdue e) {
            appended = journal.append(event.type(), SubjectKind.INCIDENT, e.assignment().incident().value(), actor, event.facts());
            log.warn("unit {} has not acknowledged incident {} after {}; proposing {}", e.unitId(), e.assignment().incident(), e.waited(),
                    e.proposedNext().map(c -> c.callSign() + " (ETA " + c.eta() + (c.ownStation() ? ")" : ", a neighbouring station's unit)"))
                            .orElse("nobody (no other free unit within the horizon)"));
        } else if (event instanceof DispatchEvent.OnSceneProposed e) {
            appended = journal.append(event.type(), SubjectKind.INCIDENT, e.assignment().incident().value(), actor, event.facts());
        } else if (event instanceof DispatchEvent.AssignmentEnded e) {
            appended = journal.append(event.type(), SubjectKind.INCIDENT, e.assignment().incident().value(), actor, event.facts());
        } else {
            appended = journal.append(event.type(), SubjectKind.UNIT, event.unitId(), actor, event.facts());
            if (event instanceof DispatchEvent.UnitWentOffline e) {
                log.warn("unit {} is OFFLINE: no GPS since {} (status {}); check its device", e.unitId(), e.lastSeen(), e.status());
            }
        }
        // an assignment or an acknowledgement is answered 2xx on this thread: only once its entry is on disk
        Journal.awaitDurable(java.util.List.of(appended));
    }

    private static String actor(DispatchEvent event) {
        if (event instanceof DispatchEvent.UnitAssigned e) {
            return e.assignment().assignedBy();
        } else if (event instanceof DispatchEvent.UnitAcknowledged e) {
            return e.by();
        } else if (event instanceof DispatchEvent.UnitStatusChanged e) {
            return e.by();
        } else if (event instanceof DispatchEvent.AssignmentEnded e && e.assignment().endedBy() != null) {
            return e.assignment().endedBy();
        }
        return "system";
    }
}
