package id.siaga.incident;

import id.siaga.support.ManualClock;
import static id.siaga.incident.IncidentStatus.CANCELLED;
import static id.siaga.incident.IncidentStatus.CLOSED;
import static id.siaga.incident.IncidentStatus.DISPATCHED;
import static id.siaga.incident.IncidentStatus.EN_ROUTE;
import static id.siaga.incident.IncidentStatus.NEW;
import static id.siaga.incident.IncidentStatus.ON_SCENE;
import static id.siaga.incident.IncidentStatus.RESOLVED;
import static id.siaga.incident.IncidentStatus.UNFOUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.location.DemoRegion;
import id.siaga.location.JurisdictionIndex;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents as the operators of Polda DIY live them, with literal times: who answers for an incident, how it moves
 * on, what field progress may and may not do, and how second reports of one brawl are spotted, linked and merged.
 */
class IncidentsTests {

    static final JurisdictionIndex INDEX = new JurisdictionIndex(DemoRegion.load(), 2_000);
    static final StationId MABES = StationId.of("MABES");
    static final StationId POLDA_DIY = StationId.of("POLDA-DIY");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId BANTUL = StationId.of("POLRES-3402");

    /** A point in Sleman, where the demo's PIDF-LO caller stands. */
    static final double LAT = -7.7156;
    static final double LON = 110.3558;
    /** 0.0018° of latitude is about 200 m. */
    static final double DEG_200M = 0.0018;

    ManualClock clock;
    InMemoryIncidentStore store;
    Incidents incidents;
    List<IncidentEvent> told;

    @BeforeEach
    void service() {
        clock = new ManualClock(java.time.Instant.parse("2026-11-28T13:00:00Z"));
        store = new InMemoryIncidentStore();
        incidents = new Incidents(store, INDEX, new DuplicatePolicy(500, Duration.ofMinutes(30)), clock);
        told = new ArrayList<>();
        incidents.addListener(told::add);
    }

    static NewIncident fromCall(IncidentType type, double lat, double lon, String call) {
        return new NewIncident(type, null, IncidentLocation.of(lat, lon, 12.0, IncidentLocation.Origin.CALL), "Jl. Kaliurang km 5",
                "dua kelompok pemuda berkelahi", "+6281200000001", null, Channel.CALL_110, call, Instant.parse("2026-11-28T12:59:30Z"));
    }

    static NewIncident reported(IncidentType type, double lat, double lon) {
        return new NewIncident(type, null, IncidentLocation.of(lat, lon, 8.0, IncidentLocation.Origin.REPORTED), null, "laporan via aplikasi",
                null, null, Channel.external("POLISIKU", "PLK-2026-0001"), null, null);
    }

    @Test
    void aSlemanCallTakenByAPoldaOperatorIsPolresSlemansIncident() {
        Incidents.Created created = incidents.create(fromCall(IncidentType.BRAWL, LAT, LON, "call-1"), "operator.diy1", POLDA_DIY);
        Incident i = created.incident();

        assertThat(i.station()).as("jurisdiction of the location, not who answered").isEqualTo(SLEMAN);
        assertThat(i.takingStation()).isEqualTo(POLDA_DIY);
        assertThat(i.status()).isEqualTo(NEW);
        assertThat(i.priority()).as("the type's default").isEqualTo(1);
        assertThat(i.callId()).contains("call-1");
        assertThat(i.callAnsweredAt()).contains(Instant.parse("2026-11-28T12:59:30Z"));
        assertThat(i.reachedAt(NEW)).contains(Instant.parse("2026-11-28T13:00:00Z"));
        assertThat(i.createdBy()).isEqualTo("operator.diy1");
        assertThat(i.location().orElseThrow().point().latitude()).isEqualTo(LAT);
        assertThat(i.version()).isEqualTo(1);
        assertThat(created.possibleDuplicates()).isEmpty();
        assertThat(incidents.find(i.id())).contains(i);
        assertThat(told).singleElement().isInstanceOfSatisfying(IncidentCreated.class, e -> {
            assertThat(e.type()).isEqualTo("IncidentCreated");
            assertThat(e.facts()).containsEntry("station", "POLRES-3404").containsEntry("takingStation", "POLDA-DIY")
                    .containsEntry("call", "call-1").containsEntry("type", "BRAWL").doesNotContainKey("callerName");
        });

        Incident bantul = incidents.create(reported(IncidentType.THEFT, -7.8886, 110.33), "api:polisiku", MABES).incident();
        assertThat(bantul.station()).isEqualTo(BANTUL);
        assertThat(bantul.channel()).isEqualTo(new Channel("POLISIKU", "PLK-2026-0001"));
    }

    @Test
    void onlyTypesThatNeedNoUnitsMayLackALocationAndThenBelongToTheTakingStation() {
        NewIncident info = new NewIncident(IncidentType.INFORMATION_REQUEST, null, null, null, "jam buka SKCK", "+6281200000002", "Budi",
                Channel.CALL_110, "call-2", null);
        Incident i = incidents.create(info, "operator.sleman1", SLEMAN).incident();
        assertThat(i.station()).isEqualTo(SLEMAN);
        assertThat(i.location()).isEmpty();
        assertThat(i.priority()).isEqualTo(5);

        assertThatThrownBy(() -> new NewIncident(IncidentType.BRAWL, null, null, null, null, null, null, Channel.CALL_110, "call-3", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("location is required");
        assertThatThrownBy(() -> new NewIncident(IncidentType.BRAWL, 6, null, null, null, null, null, Channel.CALL_110, "c", null))
                .hasMessageContaining("priority must be 1");
        assertThatThrownBy(() -> new NewIncident(IncidentType.THEFT, null, IncidentLocation.of(LAT, LON, null, IncidentLocation.Origin.PICKED),
                null, "x".repeat(4001), null, null, Channel.CALL_110, "c", null)).hasMessageContaining("description must be at most 4000");
        assertThatThrownBy(() -> Channel.external("CALL_110", null)).hasMessageContaining("give callId");
        assertThatThrownBy(() -> new Channel("polisiku", null)).hasMessageContaining("capital letters");
        assertThatThrownBy(() -> new NewIncident(IncidentType.THEFT, null, IncidentLocation.of(LAT, LON, null, IncidentLocation.Origin.PICKED),
                null, null, null, null, new Channel("POLISIKU", null), "call-9", null)).hasMessageContaining("only channel CALL_110");
    }

    @Test
    void theLifecycleRunsForwardKeepsTheFirstTimeOfEachStatusAndRefusesWhatItDoesNotAllow() {
        IncidentId id = incidents.create(fromCall(IncidentType.TRAFFIC_ACCIDENT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident().id();
        assertThatThrownBy(() -> incidents.moveTo(id, CLOSED, "operator.sleman1", null))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("is NEW and cannot move to CLOSED");

        clock.advance(Duration.ofMinutes(1));
        incidents.moveTo(id, DISPATCHED, "dispatcher.sleman", null);
        clock.advance(Duration.ofMinutes(1));
        incidents.moveTo(id, EN_ROUTE, "unit:SLM-01", null);
        clock.advance(Duration.ofMinutes(6));
        incidents.moveTo(id, ON_SCENE, "unit:SLM-01", null);
        assertThatThrownBy(() -> incidents.moveTo(id, EN_ROUTE, "unit:SLM-01", null)).isInstanceOf(IncidentConflictException.class);
        clock.advance(Duration.ofMinutes(20));
        incidents.moveTo(id, RESOLVED, "operator.sleman1", "korban dibawa ke RS Sardjito");

        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> incidents.moveTo(id, NEW, "operator.sleman1", " ")).hasMessageContaining("reopening needs a reason");
        Incident reopened = incidents.moveTo(id, NEW, "operator.sleman1", "penelepon menelepon lagi: masih ada korban");
        assertThat(reopened.status()).isEqualTo(NEW);
        assertThat(reopened.reachedAt(NEW)).as("the first time stays").contains(Instant.parse("2026-11-28T13:00:00Z"));
        incidents.moveTo(id, RESOLVED, "operator.sleman1", null);
        clock.advance(Duration.ofMinutes(1));
        Incident closed = incidents.moveTo(id, CLOSED, "operator.sleman1", null);

        assertThat(closed.reachedAt(DISPATCHED)).contains(Instant.parse("2026-11-28T13:01:00Z"));
        assertThat(closed.reachedAt(EN_ROUTE)).contains(Instant.parse("2026-11-28T13:02:00Z"));
        assertThat(closed.reachedAt(ON_SCENE)).contains(Instant.parse("2026-11-28T13:08:00Z"));
        assertThat(closed.reachedAt(RESOLVED)).contains(Instant.parse("2026-11-28T13:28:00Z"));
        assertThat(closed.reachedAt(CLOSED)).contains(Instant.parse("2026-11-28T13:34:00Z"));
        assertThat(closed.reachedAt(CANCELLED)).isEmpty();
        assertThat(closed.history()).extracting(StatusChange::status)
                .containsExactly(NEW, DISPATCHED, EN_ROUTE, ON_SCENE, RESOLVED, NEW, RESOLVED, CLOSED);
        assertThat(closed.history().get(4).reason()).isEqualTo("korban dibawa ke RS Sardjito");
        for (IncidentStatus to : IncidentStatus.values()) {
            assertThatThrownBy(() -> incidents.moveTo(id, to, "operator.sleman1", "x")).as("CLOSED → " + to)
                    .isInstanceOf(IncidentConflictException.class).hasMessageContaining("it is over");
        }
        assertThat(told).filteredOn(e -> e instanceof IncidentStatusChanged).hasSize(7);
    }

    @Test
    void withdrawingNeedsAReason() {
        IncidentId id = incidents.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident().id();
        assertThatThrownBy(() -> incidents.moveTo(id, UNFOUNDED, "operator.sleman1", null)).hasMessageContaining("moving to UNFOUNDED needs a reason");
        Incident unfounded = incidents.moveTo(id, UNFOUNDED, "operator.sleman1", "patroli tidak menemukan apa-apa");
        assertThat(unfounded.statusReason()).contains("patroli tidak menemukan apa-apa");
        assertThat(unfounded.status().isFinal()).isTrue();
    }

    @Test
    void fieldProgressOnlyMovesForwardAndLeavesFinishedIncidentsAlone() {
        IncidentId id = incidents.create(fromCall(IncidentType.ASSAULT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident().id();
        clock.advance(Duration.ofMinutes(4));
        Incident onScene = incidents.advanceByField(id, ON_SCENE, "unit:SLM-02", "the unit was passing by");
        assertThat(onScene.status()).as("steps may be skipped").isEqualTo(ON_SCENE);
        assertThat(onScene.reachedAt(ON_SCENE)).contains(Instant.parse("2026-11-28T13:04:00Z"));
        told.clear();

        assertThat(incidents.advanceByField(id, EN_ROUTE, "unit:SLM-01", null)).as("already passed").isEqualTo(onScene);
        assertThat(incidents.advanceByField(id, ON_SCENE, "unit:SLM-01", null)).as("already there").isEqualTo(onScene);
        assertThat(told).as("no-ops tell nobody").isEmpty();
        assertThat(incidents.find(id)).contains(onScene);

        incidents.moveTo(id, RESOLVED, "operator.sleman1", null);
        Incident resolved = incidents.find(id).orElseThrow();
        assertThat(incidents.advanceByField(id, DISPATCHED, "unit:SLM-03", null)).isEqualTo(resolved);

        IncidentId cancelled = incidents.create(fromCall(IncidentType.THEFT, -7.8886, 110.33, "call-2"), "operator.bantul1", BANTUL).incident().id();
        Incident c = incidents.moveTo(cancelled, CANCELLED, "operator.bantul1", "penelepon membatalkan");
        assertThat(incidents.advanceByField(cancelled, EN_ROUTE, "unit:BTL-01", null)).isEqualTo(c);

        IncidentId fresh = incidents.create(fromCall(IncidentType.THEFT, -7.8886, 110.33, "call-3"), "operator.bantul1", BANTUL).incident().id();
        told.clear();
        Incident dispatched = incidents.advanceByField(fresh, DISPATCHED, "unit:BTL-01", null);
        assertThat(dispatched.status()).isEqualTo(DISPATCHED);
        assertThat(told).singleElement().isInstanceOfSatisfying(IncidentStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo(NEW);
            assertThat(e.to()).isEqualTo(DISPATCHED);
            assertThat(e.actor()).isEqualTo("unit:BTL-01");
        });
        assertThatThrownBy(() -> incidents.advanceByField(fresh, RESOLVED, "unit:BTL-01", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field progress");
        assertThatThrownBy(() -> incidents.advanceByField(IncidentId.random(), EN_ROUTE, "unit:BTL-01", null))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aSecondReportOfABrawlNearbySoonAfterIsFlaggedButNeverRefused() {
        Incident first = incidents.create(fromCall(IncidentType.BRAWL, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident();
        clock.advance(Duration.ofMinutes(5));
        told.clear();

        Incidents.Created second = incidents.create(fromCall(IncidentType.ASSAULT, LAT + DEG_200M, LON, "call-2"), "operator.sleman2", SLEMAN);
        assertThat(second.possibleDuplicates()).extracting(Incident::id).containsExactly(first.id());
        assertThat(store.find(second.incident().id())).as("created all the same").isPresent();
        assertThat(told).hasSize(2).last().isInstanceOfSatisfying(PossibleDuplicatesFlagged.class, e -> {
            assertThat(e.incident().id()).isEqualTo(second.incident().id());
            assertThat(e.candidates()).containsExactly(first.id());
            assertThat(e.type()).isEqualTo("PossibleDuplicatesFlagged");
        });
        assertThat(incidents.possibleDuplicatesOf(second.incident())).extracting(Incident::id).containsExactly(first.id());
        assertThat(incidents.possibleDuplicatesOf(first)).as("it works both ways").extracting(Incident::id)
                .containsExactly(second.incident().id());

        Instant now = clock.instant();
        var here = new id.siaga.org.GeoPoint(LAT + DEG_200M, LON);
        assertThat(incidents.possibleDuplicates(IncidentType.MISSING_PERSON, here, now)).as("a missing person is no brawl").isEmpty();
        assertThat(incidents.possibleDuplicates(IncidentType.PUBLIC_DISORDER, here, now)).hasSize(2);
        assertThat(incidents.possibleDuplicates(IncidentType.BRAWL, new id.siaga.org.GeoPoint(LAT + 4 * DEG_200M, LON), now))
                .as("800 m away").isEmpty();
        assertThat(incidents.possibleDuplicates(IncidentType.BRAWL, new id.siaga.org.GeoPoint(LAT + 2 * DEG_200M, LON), now))
                .as("400 m from the first, 200 m from the second: nearest first").extracting(Incident::id)
                .containsExactly(second.incident().id(), first.id());
        assertThat(incidents.possibleDuplicates(IncidentType.BRAWL, here, now.plus(Duration.ofMinutes(34))))
                .as("39 minutes after the first, 34 after the second").isEmpty();
        assertThat(incidents.possibleDuplicates(IncidentType.BRAWL, here, now.plus(Duration.ofMinutes(30))))
                .extracting(Incident::id).containsExactly(second.incident().id());

        incidents.moveTo(first.id(), RESOLVED, "operator.sleman1", null);
        assertThat(incidents.possibleDuplicates(IncidentType.BRAWL, here, now)).as("only open incidents").extracting(Incident::id)
                .containsExactly(second.incident().id());
    }

    @Test
    void aDuplicateMergedIntoTheFirstReportEndsCancelledAndBothKeepTheirStory() {
        Incident first = incidents.create(fromCall(IncidentType.BRAWL, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident();
        incidents.moveTo(first.id(), DISPATCHED, "dispatcher.sleman", null);
        clock.advance(Duration.ofMinutes(5));
        Incident second = incidents.create(fromCall(IncidentType.BRAWL, LAT + DEG_200M, LON, "call-2"), "operator.diy1", POLDA_DIY).incident();
        incidents.addNote(second.id(), "operator.diy1", "penelepon kedua: ada yang membawa senjata tajam");
        told.clear();

        Incidents.Merged merged = incidents.merge(second.id(), first.id(), "operator.sleman1");
        Incident gone = merged.merged();
        Incident kept = merged.survivor();
        assertThat(gone.status()).isEqualTo(CANCELLED);
        assertThat(gone.statusReason()).contains("merged into " + first.id());
        assertThat(gone.mergedInto()).contains(first.id());
        assertThat(gone.links()).containsExactly(first.id());
        assertThat(gone.notes()).extracting(IncidentNote::text).containsExactly("penelepon kedua: ada yang membawa senjata tajam");
        assertThat(kept.status()).isEqualTo(DISPATCHED);
        assertThat(kept.links()).containsExactly(second.id());
        assertThat(kept.notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo("operator.sleman1");
            assertThat(n.text()).startsWith("merged in: incident " + second.id());
        });
        assertThat(store.find(second.id())).contains(gone);
        assertThat(store.find(first.id())).contains(kept);
        assertThat(told).extracting(IncidentEvent::type).containsExactly("IncidentStatusChanged", "IncidentMerged");
        assertThat(told.get(1).subjects()).containsExactly(second.id(), first.id());

        assertThatThrownBy(() -> incidents.merge(second.id(), first.id(), "operator.sleman1"))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("cannot be merged");
        Incident third = incidents.create(fromCall(IncidentType.BRAWL, LAT, LON, "call-3"), "operator.sleman1", SLEMAN).incident();
        assertThatThrownBy(() -> incidents.merge(third.id(), second.id(), "operator.sleman1"))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("nothing can be merged into it");
        assertThatThrownBy(() -> incidents.merge(third.id(), third.id(), "operator.sleman1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(third.id()).orElseThrow().status()).isEqualTo(NEW);
    }

    @Test
    void linksGoBothWaysOnceAndNeverToItself() {
        Incident a = incidents.create(fromCall(IncidentType.DOMESTIC_VIOLENCE, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident();
        clock.advance(Duration.ofDays(3));
        Incident b = incidents.create(fromCall(IncidentType.DOMESTIC_VIOLENCE, LAT, LON, "call-2"), "operator.sleman1", SLEMAN).incident();
        told.clear();

        Incident linked = incidents.link(b.id(), a.id(), "operator.sleman1");
        assertThat(linked.links()).containsExactly(a.id());
        assertThat(incidents.find(a.id()).orElseThrow().links()).containsExactly(b.id());
        assertThat(incidents.link(a.id(), b.id(), "operator.sleman2")).as("linked already").isEqualTo(incidents.find(a.id()).orElseThrow());
        assertThat(told).singleElement().isInstanceOfSatisfying(IncidentsLinked.class,
                e -> assertThat(e.subjects()).containsExactly(b.id(), a.id()));
        assertThatThrownBy(() -> incidents.link(a.id(), a.id(), "operator.sleman1")).hasMessageContaining("itself");
    }

    @Test
    void notesAreAppendedAndPriorityIsTheOperatorsCall() {
        IncidentId id = incidents.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident().id();
        incidents.addNote(id, "operator.sleman1", "pelaku dua orang, motor Vario hitam");
        clock.advance(Duration.ofSeconds(40));
        Incident noted = incidents.addNote(id, "dispatcher.sleman", "SLM-01 menuju lokasi");
        assertThat(noted.notes()).extracting(IncidentNote::author, IncidentNote::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple("operator.sleman1", Instant.parse("2026-11-28T13:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("dispatcher.sleman", Instant.parse("2026-11-28T13:00:40Z")));
        assertThatThrownBy(() -> incidents.addNote(id, "operator.sleman1", "  ")).hasMessageContaining("note must not be blank");
        assertThatThrownBy(() -> incidents.addNote(id, "operator.sleman1", "x".repeat(2001))).hasMessageContaining("at most 2000");

        assertThat(noted.priority()).isEqualTo(3);
        told.clear();
        assertThat(incidents.changePriority(id, 2, "operator.sleman1").priority()).isEqualTo(2);
        assertThat(incidents.changePriority(id, 2, "operator.sleman1").version()).as("same priority: no change").isEqualTo(4);
        assertThat(told).singleElement().isInstanceOfSatisfying(IncidentPriorityChanged.class, e -> {
            assertThat(e.from()).isEqualTo(3);
            assertThat(e.to()).isEqualTo(2);
        });
        assertThatThrownBy(() -> incidents.changePriority(id, 0, "operator.sleman1")).isInstanceOf(IllegalArgumentException.class);
        incidents.moveTo(id, CANCELLED, "operator.sleman1", "salah sambung");
        assertThatThrownBy(() -> incidents.changePriority(id, 1, "operator.sleman1")).isInstanceOf(IncidentConflictException.class);
        incidents.addNote(id, "operator.sleman1", "penelepon dihubungi kembali");
        assertThat(incidents.find(id).orElseThrow().notes()).hasSize(3);
    }

    @Test
    void aChangeMadeToAVersionSomebodyElseChangedIsRefusedNotOverwritten() {
        Incident v1 = incidents.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident();
        Incident resolvedByOne = v1.moveTo(RESOLVED, "operator.sleman1", null, clock.instant());
        Incident cancelledByTwo = v1.moveTo(CANCELLED, "operator.sleman2", "double", clock.instant());
        assertThat(store.update(List.of(resolvedByOne))).isTrue();
        assertThat(store.update(List.of(cancelledByTwo))).isFalse();
        assertThat(store.find(v1.id())).contains(resolvedByOne);
    }

    @Test
    void aPriorityOrStatusChangeMadeOverAnOlderViewIsRefusedAndChangesNothing() {
        Incident v1 = incidents.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident();
        Incident v2 = incidents.changePriority(v1.id(), 2, "operator.sleman2", v1.version());
        assertThat(v2.version()).isEqualTo(v1.version() + 1);

        assertThatThrownBy(() -> incidents.changePriority(v1.id(), 5, "dispatcher.sleman", v1.version()))
                .isInstanceOf(IncidentConflictException.class).hasMessageContaining("since version " + v1.version()).hasMessageContaining("priority 2");
        assertThatThrownBy(() -> incidents.moveTo(v1.id(), RESOLVED, "dispatcher.sleman", "beres", v1.version()))
                .isInstanceOf(IncidentConflictException.class);
        assertThat(incidents.existing(v1.id())).isEqualTo(v2);
        assertThat(incidents.moveTo(v1.id(), RESOLVED, "dispatcher.sleman", "beres", v2.version()).status()).isEqualTo(RESOLVED);
        assertThat(incidents.changePriority(v1.id(), 3, "dispatcher.sleman").priority()).as("without a version: as it is now").isEqualTo(3);
    }

    @Test
    void aCallersNumberIsKeptAsCallsKeyItSoTheirEarlierReportsAreFound() {
        Incident walkIn = incidents.create(new NewIncident(IncidentType.THEFT, null, IncidentLocation.of(LAT, LON, null, IncidentLocation.Origin.PICKED),
                null, null, "0812-0000-0002", "Bu Sri", Channel.external("WALK_IN", null), null, null), "operator.sleman1", SLEMAN).incident();
        assertThat(walkIn.callerNumber()).contains("+6281200000002");
        incidents.create(fromCall(IncidentType.BRAWL, LAT, LON, "call-1"), "operator.sleman1", SLEMAN);

        IncidentFilter theirs = new IncidentFilter(java.util.EnumSet.allOf(IncidentStatus.class), null, null, null, "+6281200000002");
        assertThat(incidents.atStations(List.of(SLEMAN), theirs, 10)).extracting(Incident::id).containsExactly(walkIn.id());
        assertThat(incidents.atStations(List.of(BANTUL), theirs, 10)).isEmpty();
    }

    /** A store where somebody else changes the incident between the service's read and its write, once. */
    static final class RacedStore implements IncidentStore {
        final InMemoryIncidentStore inner;
        java.util.function.Consumer<InMemoryIncidentStore> sneakIn;

        RacedStore(InMemoryIncidentStore inner) {
            this.inner = inner;
        }

        @Override
        public void add(Incident incident) {
            inner.add(incident);
        }

        @Override
        public boolean update(List<Incident> changed) {
            if (sneakIn != null) {
                var other = sneakIn;
                sneakIn = null;
                other.accept(inner);
            }
            return inner.update(changed);
        }

        @Override
        public java.util.Optional<Incident> find(IncidentId id) {
            return inner.find(id);
        }

        @Override
        public List<Incident> atStations(java.util.Collection<StationId> stations, IncidentFilter filter, int limit) {
            return inner.atStations(stations, filter, limit);
        }

        @Override
        public List<Incident> openNear(java.util.Set<IncidentType> types, Box box, Instant from, Instant to) {
            return inner.openNear(types, box, from, to);
        }
    }

    @Test
    void aChangeThatLostARaceIsAConflictWhileFieldProgressTriesAgain() {
        RacedStore raced = new RacedStore(store);
        Incidents service = new Incidents(raced, INDEX, new DuplicatePolicy(500, Duration.ofMinutes(30)), clock);
        IncidentId id = service.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident().id();
        java.util.function.Consumer<InMemoryIncidentStore> colleagueWrites = s -> s.update(List.of(
                s.find(id).orElseThrow().addNote("operator.sleman2", "catatan rekan", clock.instant())));

        raced.sneakIn = colleagueWrites;
        assertThatThrownBy(() -> service.moveTo(id, RESOLVED, "operator.sleman1", null)).isInstanceOf(IncidentConflictException.class)
                .hasMessageContaining("changed by someone else meanwhile");
        Incident afterRace = store.find(id).orElseThrow();
        assertThat(afterRace.status()).as("the loser wrote nothing").isEqualTo(NEW);
        assertThat(afterRace.notes()).extracting(IncidentNote::text).containsExactly("catatan rekan");

        raced.sneakIn = colleagueWrites;
        Incident dispatched = service.advanceByField(id, DISPATCHED, "unit:SLM-01", null);
        assertThat(dispatched.status()).isEqualTo(DISPATCHED);
        assertThat(dispatched.notes()).as("written over the colleague's change, which it kept").hasSize(2);
        assertThat(store.find(id)).contains(dispatched);
    }

    @Test
    void aListenerThatFailsDoesNotUndoTheChangeNorSilenceTheOthers() {
        List<IncidentEvent> second = new ArrayList<>();
        Incidents service = new Incidents(store, INDEX, new DuplicatePolicy(500, Duration.ofMinutes(30)), clock);
        service.addListener(e -> {
            throw new IllegalStateException("journal away");
        });
        service.addListener(second::add);
        Incident i = service.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.sleman1", SLEMAN).incident();
        assertThat(store.find(i.id())).isPresent();
        assertThat(second).hasSize(1);
    }

    @Test
    void listsShowWhatAStationAnswersForOrTookNewestFirst() {
        Incident sleman = incidents.create(fromCall(IncidentType.THEFT, LAT, LON, "call-1"), "operator.diy1", POLDA_DIY).incident();
        clock.advance(Duration.ofMinutes(1));
        Incident bantul = incidents.create(fromCall(IncidentType.BRAWL, -7.8886, 110.33, "call-2"), "operator.sleman1", SLEMAN).incident();
        clock.advance(Duration.ofMinutes(1));
        Incident done = incidents.create(fromCall(IncidentType.THEFT, LAT, LON, "call-3"), "operator.sleman1", SLEMAN).incident();
        incidents.moveTo(done.id(), UNFOUNDED, "operator.sleman1", "iseng");

        assertThat(incidents.atStations(List.of(SLEMAN), IncidentFilter.open(), 10)).extracting(Incident::id)
                .as("Sleman answers for one and took the Bantul one").containsExactly(bantul.id(), sleman.id());
        assertThat(incidents.atStations(List.of(BANTUL), IncidentFilter.open(), 10)).extracting(Incident::id).containsExactly(bantul.id());
        assertThat(incidents.atStations(List.of(SLEMAN), IncidentFilter.any(), 10)).extracting(Incident::id)
                .containsExactly(done.id(), bantul.id(), sleman.id());
        assertThat(incidents.atStations(List.of(SLEMAN), new IncidentFilter(IncidentFilter.openStatuses(), 1, null, null), 10))
                .extracting(Incident::id).containsExactly(bantul.id());
        assertThat(incidents.atStations(List.of(SLEMAN), new IncidentFilter(IncidentFilter.openStatuses(), null, IncidentType.THEFT, "call-1"), 10))
                .extracting(Incident::id).containsExactly(sleman.id());
        assertThatThrownBy(() -> incidents.atStations(List.of(SLEMAN), IncidentFilter.open(), 0)).hasMessageContaining("limit");
    }
}
