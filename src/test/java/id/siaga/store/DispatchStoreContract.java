package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchStore;
import id.siaga.dispatch.UnitState;
import id.siaga.dispatch.UnitStatus;
import id.siaga.incident.IncidentId;
import id.siaga.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Unit states and assignments round-trip through each database with every step's time; a change is stored only over the
 * version it was made to, all or none; a lost node's timers are taken over.
 */
abstract class DispatchStoreContract {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00.123456Z");
    static final IncidentId BRAWL = new IncidentId("INC-1");

    TestDatabase db;
    DispatchStore store;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        store = new JdbcDispatchStore(new JdbcTemplate(db.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static Assignment assignment(String id, String unit, Assignment.State state, Instant at, String node, long version) {
        return new Assignment(new AssignmentId(id), unit, BRAWL, state, "dispatcher.sleman", at, null, null, null, null, null, null, null, null,
                null, 1_650.5, Duration.ofSeconds(238), node, version);
    }

    static UnitState state(String unit, UnitStatus status, String assignment, Instant since, String by, long version) {
        return new UnitState(unit, status, assignment == null ? null : new AssignmentId(assignment), since, by, version);
    }

    @Test
    void anAssignmentKeepsEveryStepAndLeavesTheActiveListWhenItEnds() {
        Assignment alerted = assignment("A1", "SLM-R2-01", Assignment.State.ALERTED, T0, "siaga-a", 1);
        assertThat(store.update(List.of(), List.of(alerted))).isTrue();
        assertThat(store.update(List.of(), List.of(assignment("A2", "SLM-R4-01", Assignment.State.ALERTED, T0.plusSeconds(5), "siaga-b", 1))))
                .isTrue();
        assertThat(store.active()).extracting(a -> a.id().value()).containsExactly("A1", "A2");

        Assignment onScene = new Assignment(alerted.id(), "SLM-R2-01", BRAWL, Assignment.State.ON_SCENE, "dispatcher.sleman", T0,
                T0.plusSeconds(12), "officer.sleman", T0.plusSeconds(15), T0.plusSeconds(175), null, null, null, T0.plusSeconds(30),
                T0.plusSeconds(170), 1_650.5, Duration.ofSeconds(238), "siaga-a", 2);
        assertThat(store.update(List.of(), List.of(onScene))).isTrue();
        assertThat(store.find(alerted.id())).contains(onScene);

        Assignment cleared = new Assignment(alerted.id(), "SLM-R2-01", BRAWL, Assignment.State.CLEARED, "dispatcher.sleman", T0,
                T0.plusSeconds(12), "officer.sleman", T0.plusSeconds(15), T0.plusSeconds(175), T0.plusSeconds(1_800), "officer.sleman", "SELESAI",
                T0.plusSeconds(30), T0.plusSeconds(170), null, null, "siaga-a", 3);
        assertThat(store.update(List.of(), List.of(cleared))).isTrue();
        assertThat(store.find(alerted.id())).contains(cleared);
        assertThat(store.active()).extracting(a -> a.id().value()).containsExactly("A2");
        assertThat(store.ofIncident(BRAWL)).extracting(a -> a.id().value()).containsExactly("A1", "A2");
        assertThat(store.ofIncident(new IncidentId("other"))).isEmpty();
        assertThat(store.find(new AssignmentId("none"))).isEmpty();
    }

    @Test
    void aUnitHasOneStateTheLatest() {
        assertThat(store.update(List.of(state("SLM-R4-01", UnitStatus.DISPATCHED, "A1", T0, "dispatcher.sleman", 1)), List.of())).isTrue();
        assertThat(store.update(List.of(state("SLM-R4-01", UnitStatus.AVAILABLE, null, T0.plusSeconds(60), "officer.sleman", 2)), List.of())).isTrue();
        assertThat(store.update(List.of(state("SLM-R2-01", UnitStatus.OUT_OF_SERVICE, null, T0, "officer.sleman", 1)), List.of())).isTrue();
        assertThat(store.unitStates()).containsExactly(
                state("SLM-R2-01", UnitStatus.OUT_OF_SERVICE, null, T0, "officer.sleman", 1),
                state("SLM-R4-01", UnitStatus.AVAILABLE, null, T0.plusSeconds(60), "officer.sleman", 2));
        assertThat(store.unitState("SLM-R4-01")).contains(state("SLM-R4-01", UnitStatus.AVAILABLE, null, T0.plusSeconds(60), "officer.sleman", 2));
        assertThat(store.unitState("SLM-PJK-01")).isEmpty();
    }

    @Test
    void ofTwoNodesSendingOneUnitOnlyTheFirstIsStoredAndTheSecondLeavesNothingBehind() {
        // both read the unit AVAILABLE (never stored: version 0) and send it, each with an assignment of its own
        Assignment fromA = assignment("A1", "SLM-R2-01", Assignment.State.ALERTED, T0, "siaga-a", 1);
        Assignment fromB = assignment("B1", "SLM-R2-01", Assignment.State.ALERTED, T0, "siaga-b", 1);
        assertThat(store.update(List.of(state("SLM-R2-01", UnitStatus.DISPATCHED, "A1", T0, "dispatcher.sleman", 1)), List.of(fromA))).isTrue();
        assertThat(store.update(List.of(state("SLM-R2-01", UnitStatus.DISPATCHED, "B1", T0, "dispatcher.diy", 1)), List.of(fromB)))
                .as("siaga-b sent a unit siaga-a had sent").isFalse();
        assertThat(store.find(fromB.id())).as("rolled back with the unit's state").isEmpty();
        assertThat(store.unitState("SLM-R2-01")).map(UnitState::assignment).contains(fromA.id());

        // an acknowledgement over version 1 wins; a cancel made over the same version finds it changed
        assertThat(store.update(List.of(), List.of(new Assignment(fromA.id(), "SLM-R2-01", BRAWL, Assignment.State.ACKNOWLEDGED,
                "dispatcher.sleman", T0, T0.plusSeconds(9), "officer.sleman", null, null, null, null, null, null, null, 1_650.5,
                Duration.ofSeconds(238), "siaga-a", 2)))).isTrue();
        assertThat(store.update(List.of(state("SLM-R2-01", UnitStatus.AVAILABLE, null, T0.plusSeconds(10), "dispatcher.diy", 2)),
                List.of(new Assignment(fromA.id(), "SLM-R2-01", BRAWL, Assignment.State.CANCELLED, "dispatcher.sleman", T0, null, null, null,
                        null, T0.plusSeconds(10), "dispatcher.diy", "salah unit", null, null, 1_650.5, Duration.ofSeconds(238), "siaga-a", 2))))
                .isFalse();
        assertThat(store.find(fromA.id())).map(Assignment::state).contains(Assignment.State.ACKNOWLEDGED);
        assertThat(store.unitState("SLM-R2-01")).map(UnitState::status).as("the unit's change rolled back too").contains(UnitStatus.DISPATCHED);
    }

    @Test
    void aLostNodesActiveAssignmentsAreWatchedByTheNodeThatTakesThemOver() {
        store.update(List.of(), List.of(assignment("A1", "SLM-R2-01", Assignment.State.ALERTED, T0, "siaga-a", 1)));
        store.update(List.of(), List.of(assignment("A2", "SLM-R4-01", Assignment.State.CLEARED, T0, "siaga-a", 1)));
        store.update(List.of(), List.of(assignment("B1", "SLM-PJK-01", Assignment.State.ALERTED, T0, "siaga-b", 1)));

        List<Assignment> taken = store.takeOverTimers("siaga-a", "siaga-b");
        assertThat(taken).extracting(a -> a.id().value()).containsExactly("A1");
        assertThat(taken.get(0).node()).isEqualTo("siaga-b");
        assertThat(taken.get(0).version()).isEqualTo(2);
        assertThat(store.find(new AssignmentId("A2"))).map(Assignment::node).as("an ended one stays as it was").contains("siaga-a");
        assertThat(store.takeOverTimers("siaga-a", "siaga-b")).isEmpty();
    }
}
