package id.siaga.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStatus;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import id.siaga.support.ManualClock;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stories of the dispatch desk with the demo's units, literal times and positions: a brawl near the Tugu
 * monument in Sleman's jurisdiction, Sleman's units around it.
 */
class DispatchDeskTests {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    static final GeoPoint SCENE = new GeoPoint(-7.7500, 110.3800);
    static final IncidentId BRAWL = new IncidentId("INC-1");

    final ManualClock clock = new ManualClock(T0);
    final Incidents incidents = new Incidents();
    final InMemoryDispatchStore store = new InMemoryDispatchStore();
    final List<UnitAlert> alerts = new ArrayList<>();
    final List<DispatchEvent> events = new ArrayList<>();
    DispatchDesk desk;

    /** The incident side of the port, recording the moves. */
    static final class Incidents implements IncidentProgress {
        final Map<IncidentId, DispatchTarget> targets = new HashMap<>();
        final List<String> moves = new ArrayList<>();

        @Override
        public Optional<DispatchTarget> target(IncidentId incident) {
            return Optional.ofNullable(targets.get(incident));
        }

        @Override
        public void advance(IncidentId incident, IncidentStatus to, String actor, String reason) {
            DispatchTarget t = targets.get(incident);
            if (t.status().canMoveTo(to) && to.ordinal() > t.status().ordinal()) {
                targets.put(incident, new DispatchTarget(t.incident(), t.location(), t.station(), to, t.priority(), t.typeLabel(), t.address(),
                        t.description(), t.callAnsweredAt(), t.createdAt()));
                moves.add(to + " by " + actor);
            }
        }
    }

    @BeforeEach
    void desk() throws Exception {
        UnitRoster roster;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/demo/units.csv"), StandardCharsets.UTF_8)) {
            roster = new UnitRoster(UnitsCsvReader.read(r, "units.csv", UnitRosterTests.demoStations()));
        }
        incidents.targets.put(BRAWL, new DispatchTarget(BRAWL, Optional.of(SCENE), StationId.of("POLRES-3404"), IncidentStatus.NEW, 1,
                "Perkelahian / tawuran", "Jl. Magelang Km 5", "dua kelompok pemuda", T0.minusSeconds(90), T0.minusSeconds(30)));
        AlertChannel app = new AlertChannel() {
            public String name() {
                return "test";
            }

            public boolean deliver(UnitAlert alert) {
                return alerts.add(alert);
            }
        };
        desk = new DispatchDesk(roster, incidents, store, List.of(app), StraightLineEta.defaults(), DispatchPolicy.defaults(),
                new NearestUnitIndex(0.02), clock, "siaga-1");
        desk.addListener(events::add);
    }

    void gps(String unit, double lat, double lon) {
        desk.positionAccepted(new Position(unit, unit + "-gps", clock.instant(), lat, lon, 0.0, null, null, 5.0, null, PositionSource.MQTT,
                clock.instant()));
    }

    @Test
    void theNearestByEtaIsSentAcknowledgesDepartsAndIsProposedOnSceneWhenItsGpsArrives() {
        gps("SLM-R4-01", -7.7700, 110.3800);   // car, 2.2 km
        gps("SLM-R2-01", -7.7650, 110.3800);   // motorbike, 1.7 km: the best ETA
        gps("SLM-PJK-01", -7.7540, 110.3800);  // on foot, 450 m: 2 min by distance, slower than the bike
        gps("YK-R4-01", -7.7900, 110.3700);    // another Polres' car, 4.5 km
        Recommendation r = desk.recommend(BRAWL);
        assertThat(r.units()).extracting(Recommendation.Candidate::unitId).startsWith("SLM-R2-01", "SLM-R4-01");
        assertThat(r.units()).extracting(Recommendation.Candidate::unitId).contains("YK-R4-01", "SLM-PJK-01");
        assertThat(r.units().get(0).distanceMeters()).isBetween(1_600.0, 1_700.0);
        // Sleman's units nobody has heard from are listed apart, never lost
        assertThat(r.withoutFreshFix()).extracting(Recommendation.StaleUnit::unitId).containsExactlyInAnyOrder("SLM-R4-02", "SLM-R2-02");

        Assignment sent = desk.assign(BRAWL, "SLM-R2-01", "dispatcher.sleman");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("DISPATCH");
            assertThat(a.callSign()).isEqualTo("Raimas Sleman 1");
            assertThat(a.latitude()).isEqualTo(SCENE.latitude());
            assertThat(a.etaSeconds()).isPositive();
        });
        assertThat(incidents.moves).containsExactly("DISPATCHED by dispatcher.sleman");
        assertThat(desk.unitView("SLM-R2-01").orElseThrow().status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(desk.recommend(BRAWL).units()).extracting(Recommendation.Candidate::unitId).doesNotContain("SLM-R2-01");

        clock.advance(Duration.ofSeconds(12));
        desk.acknowledge(sent.id(), "officer.sleman");
        assertThat(events).filteredOn(e -> e instanceof DispatchEvent.UnitAcknowledged).singleElement()
                .satisfies(e -> assertThat(e.facts()).containsEntry("onBehalf", false).containsEntry("acknowledgedBy", "officer.sleman"));
        clock.advance(Duration.ofSeconds(3));
        desk.changeStatus("SLM-R2-01", UnitStatus.EN_ROUTE, "officer.sleman", "BERANGKAT");
        assertThat(incidents.moves).containsExactly("DISPATCHED by dispatcher.sleman", "EN_ROUTE by officer.sleman");

        clock.advance(Duration.ofMinutes(2));
        gps("SLM-R2-01", -7.7560, 110.3800);   // 670 m away: not yet
        assertThat(events).noneMatch(e -> e instanceof DispatchEvent.OnSceneProposed);
        clock.advance(Duration.ofSeconds(40));
        gps("SLM-R2-01", -7.7505, 110.3801);   // 56 m: proposed, once
        gps("SLM-R2-01", -7.7503, 110.3800);
        assertThat(events).filteredOn(e -> e instanceof DispatchEvent.OnSceneProposed).singleElement()
                .satisfies(e -> assertThat(((DispatchEvent.OnSceneProposed) e).distanceMeters()).isLessThan(100));
        assertThat(alerts).extracting(UnitAlert::kind).containsExactly("DISPATCH", "ON_SCENE_PROPOSED");

        desk.changeStatus("SLM-R2-01", UnitStatus.ON_SCENE, "officer.sleman", "TIBA");
        IncidentClock c = desk.clock(BRAWL);
        assertThat(c.start()).isEqualTo(T0.minusSeconds(90));
        assertThat(c.dispatchedAt()).isEqualTo(T0);
        assertThat(c.acknowledgedAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(c.onSceneAt()).isEqualTo(T0.plusSeconds(15 + 160));
        assertThat(c.elapsed()).isEqualTo(Duration.ofSeconds(90 + 175));
        assertThat(c.state()).isEqualTo(IncidentClock.State.MET);

        desk.changeStatus("SLM-R2-01", UnitStatus.AVAILABLE, "officer.sleman", "SELESAI");
        assertThat(desk.activeOf("SLM-R2-01")).isEmpty();
        assertThat(store.find(sent.id()).orElseThrow().state()).isEqualTo(Assignment.State.CLEARED);
        assertThat(desk.recommend(BRAWL).units()).extracting(Recommendation.Candidate::unitId).contains("SLM-R2-01");
        assertThat(events).extracting(DispatchEvent::type).as("each named by its record, as the journal and the CAD stream name it")
                .containsSubsequence("UnitAssigned", "UnitAcknowledged", "UnitStatusChanged", "OnSceneProposed", "UnitStatusChanged", "UnitCleared");
    }

    @Test
    void aFootPostFortyEightKilometresAwayIsNoCandidateAndTheRecommendationSaysNothingSuitableIsFree() {
        Recommendation none = desk.recommend(BRAWL);
        assertThat(none.units()).isEmpty();
        assertThat(none.nearestBeyondHorizon()).isNull();
        assertThat(none.reason()).isEqualTo("no free unit with a fresh GPS fix within 50.0 km; 5 of the station's units without a fresh fix"
                + " (call them by radio)");

        gps("YK-PJK-01", -7.3200, 110.3800);   // Pos Malioboro, another Polres' foot post, 47.8 km north: 13 hours' walk
        Recommendation far = desk.recommend(BRAWL);
        assertThat(far.units()).as("a foot post 48 km away is not a candidate").isEmpty();
        assertThat(far.beyondHorizon()).isEqualTo(1);
        assertThat(far.nearestBeyondHorizon()).satisfies(b -> {
            assertThat(b.unit().unitId()).isEqualTo("YK-PJK-01");
            assertThat(b.unit().ownStation()).isFalse();
            assertThat(b.unit().distanceMeters()).isBetween(47_500.0, 48_000.0);
            assertThat(b.exceeded()).isEqualTo(RecommendationHorizon.Limit.DISTANCE);
            assertThat(b.maxDistanceMeters()).isEqualTo(1_500);
        });
        assertThat(far.reason()).startsWith("no free unit within the horizon; nearest free: Pos Malioboro (FOOT) at 47.8 km, ETA 13 h ")
                .contains("beyond the horizon of 1.5 km for FOOT");

        gps("SLM-R4-01", -7.7700, 110.3800);   // Sleman's own car, 2.2 km
        gps("YK-R4-01", -7.7900, 110.3700);    // Kota's car, 4.5 km: a neighbour's, marked so
        Recommendation r = desk.recommend(BRAWL);
        assertThat(r.station()).isEqualTo(StationId.of("POLRES-3404"));
        assertThat(r.units()).extracting(Recommendation.Candidate::unitId, Recommendation.Candidate::ownStation)
                .containsExactly(tuple("SLM-R4-01", true), tuple("YK-R4-01", false));
        assertThat(r.reason()).isNull();
        assertThat(r.nearestBeyondHorizon()).as("named only when nothing is proposed").isNull();
        assertThat(r.beyondHorizon()).isEqualTo(1);

        desk.assign(BRAWL, "SLM-R4-01", "dispatcher.sleman");
        desk.assign(BRAWL, "YK-R4-01", "dispatcher.sleman");
        Recommendation busy = desk.recommend(BRAWL);
        assertThat(busy.units()).isEmpty();
        assertThat(busy.busyAtStation()).isEqualTo(1);
        assertThat(busy.reason()).contains("Pos Malioboro").contains("; 1 of the station's units busy; 4 of the station's units without a fresh fix");
    }

    @Test
    void anUnacknowledgedAlertWarnsOnceAndProposesTheNextUnit() {
        gps("SLM-R2-01", -7.7650, 110.3800);
        gps("SLM-R4-01", -7.7700, 110.3800);
        Assignment sent = desk.assign(BRAWL, "SLM-R2-01", "dispatcher.sleman");
        clock.advance(Duration.ofSeconds(29));
        desk.tick();
        assertThat(events).noneMatch(e -> e instanceof DispatchEvent.AcknowledgementOverdue);
        clock.advance(Duration.ofSeconds(1));
        desk.tick();
        desk.tick();
        assertThat(events).filteredOn(e -> e instanceof DispatchEvent.AcknowledgementOverdue).singleElement().satisfies(e -> {
            DispatchEvent.AcknowledgementOverdue o = (DispatchEvent.AcknowledgementOverdue) e;
            assertThat(o.assignment().id()).isEqualTo(sent.id());
            assertThat(o.waited()).isEqualTo(Duration.ofSeconds(30));
            assertThat(o.proposedNext()).map(Recommendation.Candidate::unitId).contains("SLM-R4-01");
        });
        // the dispatcher takes the silent unit off and sends the proposed one
        desk.cancel(sent.id(), "dispatcher.sleman", "no acknowledgement");
        assertThat(alerts).extracting(UnitAlert::kind).containsExactly("DISPATCH", "CANCEL");
        desk.assign(BRAWL, "SLM-R4-01", "dispatcher.sleman");
        assertThat(desk.unitView("SLM-R2-01").orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(desk.assignments(BRAWL)).extracting(Assignment::state).containsExactly(Assignment.State.CANCELLED, Assignment.State.ALERTED);
        assertThat(events).filteredOn(e -> e instanceof DispatchEvent.AssignmentEnded).extracting(DispatchEvent::type)
                .containsExactly("AssignmentCancelled");
    }

    @Test
    void aUnitWhoseGpsFallsSilentGoesOfflineLeavesTheRankingAndComesBack() {
        gps("SLM-R4-01", -7.7700, 110.3800);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        desk.tick();
        assertThat(events).filteredOn(e -> e instanceof DispatchEvent.UnitWentOffline).extracting(DispatchEvent::unitId).containsExactly("SLM-R4-01");
        assertThat(desk.unitView("SLM-R4-01").orElseThrow().status()).isEqualTo(UnitStatus.OFFLINE);
        assertThat(desk.recommend(BRAWL).units()).isEmpty();
        assertThat(desk.recommend(BRAWL).withoutFreshFix()).extracting(Recommendation.StaleUnit::unitId).contains("SLM-R4-01");
        gps("SLM-R4-01", -7.7700, 110.3800);
        assertThat(events).filteredOn(e -> e instanceof DispatchEvent.UnitBackOnline).singleElement()
                .satisfies(e -> assertThat(((DispatchEvent.UnitBackOnline) e).silentFor()).isEqualTo(Duration.ofMinutes(5).plusSeconds(1)));
        assertThat(desk.recommend(BRAWL).units()).extracting(Recommendation.Candidate::unitId).containsExactly("SLM-R4-01");
    }

    @Test
    void stepsThatDoNotFitAreRefusedWithTheReason() {
        assertThatThrownBy(() -> desk.changeStatus("SLM-R4-01", UnitStatus.EN_ROUTE, "officer.sleman", "BERANGKAT"))
                .isInstanceOf(DispatchConflictException.class).hasMessageContaining("no assignment");
        assertThatThrownBy(() -> desk.changeStatus("SLM-R4-01", UnitStatus.OFFLINE, "officer.sleman", ""))
                .isInstanceOf(DispatchConflictException.class).hasMessageContaining("GPS silence");
        desk.assign(BRAWL, "SLM-R4-01", "dispatcher.sleman");
        assertThatThrownBy(() -> desk.assign(BRAWL, "SLM-R4-01", "dispatcher.sleman"))
                .isInstanceOf(DispatchConflictException.class).hasMessageContaining("DISPATCHED");
        assertThatThrownBy(() -> desk.assign(new IncidentId("nope"), "SLM-R4-02", "dispatcher.sleman")).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> desk.assign(BRAWL, "NOPE", "dispatcher.sleman")).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void aWithdrawnIncidentReleasesItsUnitsAndTellsThem() {
        Assignment a = desk.assign(BRAWL, "SLM-R4-01", "dispatcher.sleman");
        desk.incidentEnded(BRAWL, IncidentStatus.CANCELLED, "operator.sleman1");
        assertThat(store.find(a.id()).orElseThrow().state()).isEqualTo(Assignment.State.CANCELLED);
        assertThat(desk.unitView("SLM-R4-01").orElseThrow().dutyStatus()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(alerts).extracting(UnitAlert::kind).containsExactly("DISPATCH", "CANCEL");
    }

    @Test
    void aRestartRemembersWhoIsOnTheirWay() throws Exception {
        Assignment a = desk.assign(BRAWL, "SLM-R4-01", "dispatcher.sleman");
        desk.changeStatus("SLM-R4-01", UnitStatus.EN_ROUTE, "officer.sleman", "BERANGKAT");
        DispatchDesk again = new DispatchDesk(desk.roster(), incidents, store, List.of(), StraightLineEta.defaults(), DispatchPolicy.defaults(),
                new NearestUnitIndex(0.02), clock, "siaga-1");
        assertThat(again.activeOf("SLM-R4-01")).map(Assignment::id).contains(a.id());
        assertThat(again.unitView("SLM-R4-01").orElseThrow().dutyStatus()).isEqualTo(UnitStatus.EN_ROUTE);
        List<DispatchEvent> seen = new ArrayList<>();
        again.addListener(seen::add);
        again.positionAccepted(new Position("SLM-R4-01", "d", clock.instant(), -7.7501, 110.3800, null, null, null, null, null,
                PositionSource.OSMAND_HTTP, clock.instant()));
        assertThat(seen).anyMatch(e -> e instanceof DispatchEvent.OnSceneProposed);
    }
}
