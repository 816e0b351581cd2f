package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.dispatch.Recommendation;
import id.siaga.dispatch.UnitKind;
import id.siaga.dispatch.UnitStatus;
import id.siaga.incident.Channel;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentCreated;
import id.siaga.incident.IncidentEvent;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentMerged;
import id.siaga.incident.IncidentNote;
import id.siaga.incident.IncidentNoteAdded;
import id.siaga.incident.IncidentPriorityChanged;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentStatusChanged;
import id.siaga.incident.IncidentType;
import id.siaga.incident.IncidentsLinked;
import id.siaga.incident.PossibleDuplicatesFlagged;
import id.siaga.incident.StatusChange;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every incident and dispatch event crosses to another node as the very record it was, with the node that made it. */
class ClusterEventsTests {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00.123456Z");

    static Incident incident(String id, long version, IncidentStatus status) {
        return Incident.restore(new Incident.Snapshot(new IncidentId(id), version, IncidentType.values()[0], 2,
                IncidentLocation.of(-7.75, 110.38, 12.0, IncidentLocation.Origin.CALL), "Jl. Magelang Km 5", "dua kelompok pemuda \"ribut\" ✓",
                "+6281299980001", "Budi", new Channel("POLISIKU", "PLK-2611-0042"), "call-7", T0.minusSeconds(90), StationId.of("POLRES-3404"),
                StationId.of("POLDA-DIY"), T0, "operator.sleman1",
                status == IncidentStatus.NEW ? List.of(new StatusChange(IncidentStatus.NEW, T0, "operator.sleman1", null))
                        : List.of(new StatusChange(IncidentStatus.NEW, T0, "operator.sleman1", null),
                        new StatusChange(status, T0.plusSeconds(5), "dispatcher.sleman", "sent")),
                List.of(new IncidentNote("operator.sleman1", T0.plusSeconds(3), "korban dua\norang")), List.of(new IncidentId("INC-9")), null));
    }

    @Test
    void everyIncidentEventArrivesAsItWasTold() {
        Incident i = incident("INC-1", 3, IncidentStatus.DISPATCHED);
        Incident other = incident("INC-9", 2, IncidentStatus.NEW);
        List<IncidentEvent> events = List.of(new IncidentCreated(incident("INC-1", 1, IncidentStatus.NEW), "operator.sleman1", T0),
                new IncidentStatusChanged(i, IncidentStatus.NEW, IncidentStatus.DISPATCHED, "dispatcher.sleman", "sent", T0.plusSeconds(5)),
                new IncidentNoteAdded(i, i.notes().get(0)), new IncidentPriorityChanged(i, 3, 2, "dispatcher.sleman", T0.plusSeconds(6)),
                new IncidentsLinked(i, other, "dispatcher.sleman", T0.plusSeconds(7)), new IncidentMerged(other, i, "dispatcher.sleman", T0),
                new PossibleDuplicatesFlagged(i, List.of(new IncidentId("INC-9")), 250.0, Duration.ofMinutes(30), T0));
        assertThat(events).extracting(IncidentEvent::type).as("every kind there is").hasSize(IncidentEvent.class.getPermittedSubclasses().length)
                .doesNotHaveDuplicates();
        for (IncidentEvent e : events) {
            ClusterEvents.Received<IncidentEvent> back = ClusterEvents.readIncident(ClusterEvents.write("siaga-b", e)).orElseThrow();
            assertThat(back.node()).isEqualTo("siaga-b");
            assertThat(back.event()).isEqualTo(e);
        }
    }

    @Test
    void everyDispatchEventArrivesAsItWasTold() {
        Assignment a = new Assignment(new AssignmentId("A1"), "SLM-R2-01", new IncidentId("INC-1"), Assignment.State.ALERTED, "dispatcher.sleman",
                T0, null, null, null, null, null, null, null, null, null, 1_650.5, Duration.ofSeconds(238), "siaga-a", 1);
        Recommendation.Candidate next = new Recommendation.Candidate("SLM-R4-01", "Patroli Sleman 1", UnitKind.PATROL_CAR,
                StationId.of("POLRES-3404"), true, 2_200.0, Duration.ofSeconds(380), T0);
        List<DispatchEvent> events = List.of(new DispatchEvent.UnitAssigned(a, "Raimas Sleman 1", List.of("websocket", "mqtt"), T0),
                new DispatchEvent.UnitAcknowledged(a, "officer.sleman", true, Duration.ofSeconds(12), T0),
                new DispatchEvent.AcknowledgementOverdue(a, Duration.ofSeconds(30), Optional.of(next), T0),
                new DispatchEvent.AcknowledgementOverdue(a, Duration.ofSeconds(30), Optional.empty(), T0),
                new DispatchEvent.UnitStatusChanged("SLM-R2-01", UnitStatus.AVAILABLE, UnitStatus.DISPATCHED, "dispatcher.sleman", "sent",
                        a.id(), T0),
                new DispatchEvent.UnitStatusChanged("SLM-R2-01", UnitStatus.ON_SCENE, UnitStatus.AVAILABLE, "officer.sleman", "", null, T0),
                new DispatchEvent.OnSceneProposed(a, 56.2, T0), new DispatchEvent.UnitCleared(a, T0), new DispatchEvent.AssignmentCancelled(a, T0),
                new DispatchEvent.UnitWentOffline("SLM-R2-01", T0, UnitStatus.DISPATCHED, T0), new DispatchEvent.UnitBackOnline("SLM-R2-01",
                        Duration.ofMinutes(6), T0));
        for (DispatchEvent e : events) {
            ClusterEvents.Received<DispatchEvent> back = ClusterEvents.readDispatch(ClusterEvents.write("siaga-a", e)).orElseThrow();
            assertThat(back.node()).isEqualTo("siaga-a");
            assertThat(back.event()).isEqualTo(e);
        }
    }

    @Test
    void anEventOfATypeThisNodeDoesNotKnowIsSkipped() {
        assertThat(ClusterEvents.readDispatch("{\"node\":\"siaga-c\",\"type\":\"UnitTeleported\",\"event\":{}}")).isEmpty();
        assertThat(ClusterEvents.readIncident("{\"node\":\"siaga-c\",\"type\":\"UnitAssigned\",\"event\":{}}")).isEmpty();
    }
}
