package id.siaga.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.incident.IncidentStatus;
import id.siaga.org.StationId;
import id.siaga.support.ManualClock;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' desks over one store, the database of a cluster: siaga-a and siaga-b. What one sends the other can work;
 * of two changes to one unit the second is refused, never written over the first; a node hears the other's changes
 * through their events and reads the unit again; timers run on the node that owns them, and on the survivor once the
 * owner is lost.
 */
class DispatchAcrossNodesTests {

    final ManualClock clock = new ManualClock(DispatchDeskTests.T0);
    final DispatchDeskTests.Incidents incidents = new DispatchDeskTests.Incidents();
    final InMemoryDispatchStore store = new InMemoryDispatchStore();
    final List<DispatchEvent> onA = new ArrayList<>();
    final List<DispatchEvent> onB = new ArrayList<>();
    final List<DispatchEvent> seenOnA = new ArrayList<>();
    DispatchDesk a;
    DispatchDesk b;

    @BeforeEach
    void desks() throws Exception {
        UnitRoster roster;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/demo/units.csv"), StandardCharsets.UTF_8)) {
            roster = new UnitRoster(UnitsCsvReader.read(r, "units.csv", UnitRosterTests.demoStations()));
        }
        incidents.targets.put(DispatchDeskTests.BRAWL, new DispatchTarget(DispatchDeskTests.BRAWL, Optional.of(DispatchDeskTests.SCENE),
                StationId.of("POLRES-3404"), IncidentStatus.NEW, 1, "Perkelahian / tawuran", "Jl. Magelang Km 5", "", null,
                DispatchDeskTests.T0.minusSeconds(30)));
        a = desk(roster, "siaga-a");
        b = desk(roster, "siaga-b");
        a.addListener(onA::add);
        b.addListener(onB::add);
        a.addClusterListener(seenOnA::add);
        // the bus: each node's own changes reach the other
        a.addListener(b::changedOnAnotherNode);
        b.addListener(a::changedOnAnotherNode);
    }

    private DispatchDesk desk(UnitRoster roster, String node) {
        return new DispatchDesk(roster, incidents, store, List.of(), StraightLineEta.defaults(), DispatchPolicy.defaults(), new NearestUnitIndex(0.02),
                clock, node);
    }

    private Position fix(String unit, double lat, double lon) {
        return new Position(unit, unit + "-gps", clock.instant(), lat, lon, 0.0, null, null, 5.0, null, PositionSource.OSMAND_HTTP, clock.instant());
    }

    @Test
    void aUnitSentOnOneNodeIsAcknowledgedAndWorkedOnTheOther() {
        Assignment sent = b.assign(DispatchDeskTests.BRAWL, "SLM-R2-01", "dispatcher.sleman");
        assertThat(a.unitView("SLM-R2-01").orElseThrow().dutyStatus()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(seenOnA).extracting(DispatchEvent::type).as("siaga-a's console hears siaga-b's changes")
                .containsExactly("UnitStatusChanged", "UnitAssigned");
        assertThat(onA).as("but siaga-a journals nothing of them").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        Assignment acked = a.acknowledge(sent.id(), "officer.sleman");
        assertThat(acked.version()).isEqualTo(2);
        assertThat(b.activeOf("SLM-R2-01")).map(Assignment::state).contains(Assignment.State.ACKNOWLEDGED);
        a.changeStatus("SLM-R2-01", UnitStatus.EN_ROUTE, "officer.sleman", "BERANGKAT");
        b.changeStatus("SLM-R2-01", UnitStatus.ON_SCENE, "officer.sleman", "TIBA");
        assertThat(a.unitView("SLM-R2-01").orElseThrow().dutyStatus()).isEqualTo(UnitStatus.ON_SCENE);
    }

    @Test
    void anOfficerWhoseAppIsConnectedToTheOtherNodeIsAlertedThere() {
        List<UnitAlert> appOnB = new ArrayList<>();
        List<UnitAlert> devicesFromB = new ArrayList<>();
        b.addChannel(channel("officer-app", true, appOnB));
        b.addChannel(channel("mqtt", false, devicesFromB));
        Assignment sent = a.assign(DispatchDeskTests.BRAWL, "SLM-R4-01", "dispatcher.sleman");
        a.positionAccepted(fix("SLM-R4-01", -7.7501, 110.3800));
        a.cancel(sent.id(), "dispatcher.sleman", "salah unit");
        assertThat(appOnB).extracting(UnitAlert::kind).containsExactly("DISPATCH", "ON_SCENE_PROPOSED", "CANCEL");
        assertThat(appOnB.get(0).assignmentId()).isEqualTo(sent.id().value());
        assertThat(devicesFromB).as("siaga-a's own channels reached the devices").isEmpty();
    }

    private static AlertChannel channel(String name, boolean thisNodeOnly, List<UnitAlert> into) {
        return new AlertChannel() {
            public String name() {
                return name;
            }

            public boolean deliver(UnitAlert alert) {
                return into.add(alert);
            }

            public boolean reachesThisNodeOnly() {
                return thisNodeOnly;
            }
        };
    }

    @Test
    void ofTwoNodesChangingOneUnitTheSecondIsRefusedAndLearnsWhatHappened() {
        a.positionAccepted(fix("SLM-R2-01", -7.7650, 110.3800));
        b.positionShared(fix("SLM-R2-01", -7.7650, 110.3800), "siaga-a");
        // the bus is slow: siaga-b has not heard of siaga-a's assignment when its dispatcher sends the same unit
        DispatchDesk deaf = desk(a.roster(), "siaga-b");
        Assignment first = a.assign(DispatchDeskTests.BRAWL, "SLM-R2-01", "dispatcher.sleman");
        assertThat(deaf.unitView("SLM-R2-01").orElseThrow().dutyStatus()).as("its copy is stale").isEqualTo(UnitStatus.AVAILABLE);
        assertThatThrownBy(() -> deaf.assign(DispatchDeskTests.BRAWL, "SLM-R2-01", "dispatcher.diy"))
                .isInstanceOf(DispatchConflictException.class).hasMessageContaining("DISPATCHED");
        assertThat(deaf.unitView("SLM-R2-01").orElseThrow().dutyStatus()).as("it read the unit again").isEqualTo(UnitStatus.DISPATCHED);
        assertThat(store.active()).containsExactly(first);

        // a command decided on a version another node has since changed: the store refuses it, nothing is overwritten
        Assignment staleCopy = first.acknowledge("officer.sleman", clock.instant());
        assertThat(store.update(List.of(), List.of(first.ended(Assignment.State.CANCELLED, "dispatcher.diy", "salah", clock.instant())))).isTrue();
        assertThat(store.update(List.of(), List.of(staleCopy))).isFalse();
        assertThatThrownBy(() -> a.acknowledge(first.id(), "officer.sleman")).isInstanceOf(DispatchConflictException.class)
                .hasMessageContaining("has ended (CANCELLED)");
    }

    @Test
    void aChangeThatLosesTheRaceToTheDatabaseIsRefusedNotWrittenOver() {
        // siaga-b reads the unit AVAILABLE; between its read and its write, siaga-a sends the unit
        Runnable[] race = {() -> a.assign(DispatchDeskTests.BRAWL, "SLM-R2-01", "dispatcher.sleman")};
        DispatchStore racing = new DispatchStore() {
            public boolean update(List<UnitState> states, List<Assignment> assignments) {
                Runnable first = race[0];
                race[0] = () -> { };
                first.run();
                return store.update(states, assignments);
            }

            public List<UnitState> unitStates() {
                return store.unitStates();
            }

            public Optional<UnitState> unitState(String unitId) {
                return store.unitState(unitId);
            }

            public Optional<Assignment> find(AssignmentId id) {
                return store.find(id);
            }

            public List<Assignment> active() {
                return store.active();
            }

            public List<Assignment> ofIncident(id.siaga.incident.IncidentId incident) {
                return store.ofIncident(incident);
            }

            public List<Assignment> takeOverTimers(String lost, String by) {
                return store.takeOverTimers(lost, by);
            }
        };
        DispatchDesk slow = new DispatchDesk(a.roster(), incidents, racing, List.of(), StraightLineEta.defaults(), DispatchPolicy.defaults(),
                new NearestUnitIndex(0.02), clock, "siaga-b");
        List<DispatchEvent> onSlow = new ArrayList<>();
        slow.addListener(onSlow::add);
        assertThatThrownBy(() -> slow.assign(DispatchDeskTests.BRAWL, "SLM-R2-01", "dispatcher.diy"))
                .isInstanceOf(DispatchConflictException.class).hasMessageContaining("changed by someone else meanwhile (it is now DISPATCHED");
        assertThat(store.active()).extracting(Assignment::assignedBy).containsExactly("dispatcher.sleman");
        assertThat(onSlow).as("nothing happened on siaga-b").isEmpty();
        assertThat(slow.unitView("SLM-R2-01").orElseThrow().dutyStatus()).isEqualTo(UnitStatus.DISPATCHED);
    }

    @Test
    void anAlertIsWatchedByTheNodeThatSentItAndByTheSurvivorWhenThatNodeIsLost() {
        Assignment sent = a.assign(DispatchDeskTests.BRAWL, "SLM-R2-01", "dispatcher.sleman");
        assertThat(sent.node()).isEqualTo("siaga-a");
        clock.advance(Duration.ofSeconds(31));
        b.tick();
        assertThat(onB).as("not siaga-b's timer").noneMatch(e -> e instanceof DispatchEvent.AcknowledgementOverdue);

        // siaga-a is lost before its tick: siaga-b takes its timers over and warns
        assertThat(b.takeOverTimers("siaga-a")).extracting(Assignment::id).containsExactly(sent.id());
        b.tick();
        b.tick();
        assertThat(onB).filteredOn(e -> e instanceof DispatchEvent.AcknowledgementOverdue).singleElement()
                .satisfies(e -> assertThat(((DispatchEvent.AcknowledgementOverdue) e).assignment().node()).isEqualTo("siaga-b"));
        assertThat(store.find(sent.id()).orElseThrow().acknowledgementOverdueAt()).isEqualTo(clock.instant());
    }

    @Test
    void aFixReceivedByOneNodeMovesTheUnitOnBothAndOnlyThatNodeAnnouncesItsSilence() {
        a.positionAccepted(fix("SLM-R4-01", -7.7700, 110.3800));
        b.positionShared(fix("SLM-R4-01", -7.7700, 110.3800), "siaga-a");
        assertThat(b.recommend(DispatchDeskTests.BRAWL).units()).extracting(Recommendation.Candidate::unitId).containsExactly("SLM-R4-01");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        a.tick();
        b.tick();
        assertThat(onA).filteredOn(e -> e instanceof DispatchEvent.UnitWentOffline).hasSize(1);
        assertThat(onB).noneMatch(e -> e instanceof DispatchEvent.UnitWentOffline);
        assertThat(b.unitView("SLM-R4-01").orElseThrow().status()).as("OFFLINE on both").isEqualTo(UnitStatus.OFFLINE);

        // back: siaga-a hears it and says so; siaga-b sees it move, silently
        a.positionAccepted(fix("SLM-R4-01", -7.7700, 110.3800));
        b.positionShared(fix("SLM-R4-01", -7.7700, 110.3800), "siaga-a");
        assertThat(onA).filteredOn(e -> e instanceof DispatchEvent.UnitBackOnline).hasSize(1);
        assertThat(onB).noneMatch(e -> e instanceof DispatchEvent.UnitBackOnline);

        // siaga-a is lost: the unit's silence is siaga-b's to announce now
        b.takeOverTimers("siaga-a");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        b.tick();
        assertThat(onB).filteredOn(e -> e instanceof DispatchEvent.UnitWentOffline).hasSize(1);
    }

    @Test
    void onlyTheNodeThatReceivedTheFixProposesArrival() {
        Assignment sent = a.assign(DispatchDeskTests.BRAWL, "SLM-R4-01", "dispatcher.sleman");
        b.positionShared(fix("SLM-R4-01", -7.7501, 110.3800), "siaga-a");
        assertThat(onB).noneMatch(e -> e instanceof DispatchEvent.OnSceneProposed);
        a.positionAccepted(fix("SLM-R4-01", -7.7501, 110.3800));
        assertThat(onA).filteredOn(e -> e instanceof DispatchEvent.OnSceneProposed).hasSize(1);
        assertThat(b.activeOf("SLM-R4-01")).map(Assignment::onSceneProposedAt).as("and siaga-b knows").contains(clock.instant());
        assertThat(store.find(sent.id()).orElseThrow().version()).isEqualTo(2);
    }
}
