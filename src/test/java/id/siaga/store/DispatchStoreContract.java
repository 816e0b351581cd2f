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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Unit states and assignments round-trip through each database with every step's time. */
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

    static Assignment assignment(String id, String unit, Assignment.State state, Instant at) {
        return new Assignment(new AssignmentId(id), unit, BRAWL, state, "dispatcher.sleman", at, null, null, null, null, null, null, null, null,
                null, 1_650.5, Duration.ofSeconds(238));
    }

    @Test
    void anAssignmentKeepsEveryStepAndLeavesTheActiveListWhenItEnds() {
        Assignment alerted = assignment("A1", "SLM-R2-01", Assignment.State.ALERTED, T0);
        store.save(alerted);
        store.save(assignment("A2", "SLM-R4-01", Assignment.State.ALERTED, T0.plusSeconds(5)));
        assertThat(store.active()).extracting(a -> a.id().value()).containsExactly("A1", "A2");

        Assignment onScene = new Assignment(alerted.id(), "SLM-R2-01", BRAWL, Assignment.State.ON_SCENE, "dispatcher.sleman", T0,
                T0.plusSeconds(12), "officer.sleman", T0.plusSeconds(15), T0.plusSeconds(175), null, null, null, T0.plusSeconds(30),
                T0.plusSeconds(170), 1_650.5, Duration.ofSeconds(238));
        store.save(onScene);
        assertThat(store.find(alerted.id())).contains(onScene);

        Assignment cleared = new Assignment(alerted.id(), "SLM-R2-01", BRAWL, Assignment.State.CLEARED, "dispatcher.sleman", T0,
                T0.plusSeconds(12), "officer.sleman", T0.plusSeconds(15), T0.plusSeconds(175), T0.plusSeconds(1_800), "officer.sleman", "SELESAI",
                T0.plusSeconds(30), T0.plusSeconds(170), null, null);
        store.save(cleared);
        assertThat(store.find(alerted.id())).contains(cleared);
        assertThat(store.active()).extracting(a -> a.id().value()).containsExactly("A2");
        assertThat(store.ofIncident(BRAWL)).extracting(a -> a.id().value()).containsExactly("A1", "A2");
        assertThat(store.ofIncident(new IncidentId("other"))).isEmpty();
        assertThat(store.find(new AssignmentId("none"))).isEmpty();
    }

    @Test
    void aUnitHasOneStateTheLatest() {
        store.save(new UnitState("SLM-R4-01", UnitStatus.DISPATCHED, new AssignmentId("A1"), T0, "dispatcher.sleman"));
        store.save(new UnitState("SLM-R4-01", UnitStatus.AVAILABLE, null, T0.plusSeconds(60), "officer.sleman"));
        store.save(new UnitState("SLM-R2-01", UnitStatus.OUT_OF_SERVICE, null, T0, "officer.sleman"));
        assertThat(store.unitStates()).containsExactly(
                new UnitState("SLM-R2-01", UnitStatus.OUT_OF_SERVICE, null, T0, "officer.sleman"),
                new UnitState("SLM-R4-01", UnitStatus.AVAILABLE, null, T0.plusSeconds(60), "officer.sleman"));
    }
}
