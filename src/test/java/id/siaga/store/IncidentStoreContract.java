package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.incident.Channel;
import id.siaga.incident.DuplicatePolicy;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentStore;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.support.ManualClock;
import id.siaga.incident.NewIncident;
import id.siaga.location.DemoRegion;
import id.siaga.location.JurisdictionIndex;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Incidents round-trip through each database with everything they carry (location, caller, channel, call, status
 * steps, notes, links, merge); a change made to a version somebody else already changed is refused and writes
 * nothing, even when many try at once; station lists and the duplicate search select what the service expects.
 */
abstract class IncidentStoreContract {

    static final JurisdictionIndex INDEX = new JurisdictionIndex(DemoRegion.load(), 2_000);
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId BANTUL = StationId.of("POLRES-3402");
    static final StationId POLDA_DIY = StationId.of("POLDA-DIY");

    TestDatabase db;
    IncidentStore store;
    ManualClock clock;
    Incidents incidents;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        store = new JdbcIncidentStore(new JdbcTemplate(db.dataSource()));
        clock = new ManualClock(java.time.Instant.parse("2026-11-28T13:00:00.123456Z"));
        incidents = new Incidents(store, INDEX, new DuplicatePolicy(500, Duration.ofMinutes(30)), clock);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static NewIncident brawlCall(double lat, double lon, String call) {
        return new NewIncident(IncidentType.BRAWL, null, IncidentLocation.of(lat, lon, 12.5, IncidentLocation.Origin.CALL),
                "Jl. Kaliurang km 5, depan minimarket", "dua kelompok pemuda berkelahi, satu orang terluka", "+6281200000001", "Bu Sari",
                Channel.CALL_110, call, Instant.parse("2026-11-28T12:59:30.654321Z"));
    }

    static NewIncident appReport(IncidentType type, double lat, double lon) {
        return new NewIncident(type, 4, IncidentLocation.of(lat, lon, null, IncidentLocation.Origin.REPORTED), null, null, null, null,
                new Channel("POLISIKU", "PLK-2026-0001"), null, null);
    }

    @Test
    void anIncidentComesBackWithEverythingItCarries() {
        Incident created = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.diy1", POLDA_DIY).incident();
        assertThat(store.find(created.id())).contains(created);

        Incident bare = incidents.create(new NewIncident(IncidentType.INFORMATION_REQUEST, null, null, null, null, null, null,
                new Channel("WALK_IN", null), null, null), "operator.sleman1", SLEMAN).incident();
        assertThat(store.find(bare.id())).contains(bare);
        Incident app = incidents.create(appReport(IncidentType.THEFT, -7.8886, 110.33), "api:polisiku", StationId.of("MABES")).incident();
        assertThat(store.find(app.id())).contains(app);
        assertThat(store.find(IncidentId.random())).isEmpty();
    }

    @Test
    void stepsNotesLinksAndAMergeAreKeptInOrder() {
        Incident first = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.sleman1", SLEMAN).incident();
        clock.advance(Duration.ofMinutes(5));
        Incident second = incidents.create(brawlCall(-7.7138, 110.3558, "call-2"), "operator.sleman2", SLEMAN).incident();
        incidents.addNote(first.id(), "operator.sleman1", "pelaku membawa senjata tajam");
        clock.advance(Duration.ofSeconds(30));
        incidents.addNote(second.id(), "operator.sleman2", "penelepon kedua, lokasi sama");
        incidents.changePriority(first.id(), 2, "operator.sleman1");
        incidents.advanceByField(first.id(), IncidentStatus.DISPATCHED, "unit:SLM-01", null);
        clock.advance(Duration.ofMinutes(2));
        incidents.advanceByField(first.id(), IncidentStatus.ON_SCENE, "unit:SLM-01", "sudah di lokasi");
        Incidents.Merged merged = incidents.merge(second.id(), first.id(), "operator.sleman1");

        Incident kept = store.find(first.id()).orElseThrow();
        Incident gone = store.find(second.id()).orElseThrow();
        assertThat(kept).isEqualTo(merged.survivor());
        assertThat(gone).isEqualTo(merged.merged());
        assertThat(kept.notes()).hasSize(2);
        assertThat(kept.priority()).isEqualTo(2);
        assertThat(kept.reachedAt(IncidentStatus.ON_SCENE)).contains(Instant.parse("2026-11-28T13:07:30.123456Z"));
        assertThat(kept.history()).extracting(c -> c.status()).containsExactly(IncidentStatus.NEW, IncidentStatus.DISPATCHED,
                IncidentStatus.ON_SCENE);
        assertThat(gone.status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(gone.mergedInto()).contains(first.id());
        assertThat(gone.links()).containsExactly(first.id());

        Incident third = incidents.create(appReport(IncidentType.ASSAULT, -7.7156, 110.3558), "api:polisiku", StationId.of("MABES")).incident();
        incidents.link(third.id(), first.id(), "operator.sleman1");
        assertThat(store.find(first.id()).orElseThrow().links()).containsExactly(second.id(), third.id());
        assertThat(store.find(third.id()).orElseThrow().links()).containsExactly(first.id());
    }

    @Test
    void aChangeToAVersionSomebodyElseChangedIsRefusedAndWritesNothing() {
        Incident v1 = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.sleman1", SLEMAN).incident();
        Instant at = clock.instant();
        Incident resolved = v1.moveTo(IncidentStatus.RESOLVED, "operator.sleman1", null, at);
        Incident cancelled = v1.moveTo(IncidentStatus.CANCELLED, "operator.sleman2", "salah sambung", at);
        Incident noted = v1.addNote("operator.sleman2", "catatan yang kalah", at);

        assertThat(store.update(List.of(cancelled))).isTrue();
        assertThat(store.update(List.of(resolved))).as("made to version 1, which is gone").isFalse();
        assertThat(store.update(List.of(noted))).isFalse();
        assertThat(store.find(v1.id())).contains(cancelled);
        assertThat(store.update(List.of(Incident.restore(new Incident.Snapshot(IncidentId.random(), 2, v1.type(), 1, null, null, null, null,
                null, new Channel("WALK_IN", null), null, null, SLEMAN, SLEMAN, at, "x", v1.history(), List.of(), List.of(), null)))))
                .as("unknown incident").isFalse();
    }

    @Test
    void twoIncidentsChangeTogetherOrNotAtAll() {
        Incident a = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.sleman1", SLEMAN).incident();
        Incident b = incidents.create(brawlCall(-7.7138, 110.3558, "call-2"), "operator.sleman1", SLEMAN).incident();
        incidents.addNote(b.id(), "operator.sleman2", "sudah berubah");
        Incident aLinked = a.linkTo(b.id());
        Incident bLinkedStale = b.linkTo(a.id());
        assertThat(store.update(List.of(aLinked, bLinkedStale))).isFalse();
        assertThat(store.find(a.id())).as("a stayed as it was").contains(a);
        assertThat(store.find(a.id()).orElseThrow().links()).isEmpty();
    }

    @Test
    void ofManyChangingTheSameVersionAtOnceExactlyOneWins() throws Exception {
        Incident v1 = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.sleman1", SLEMAN).incident();
        int contenders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int n = 0; n < contenders; n++) {
                Incident change = v1.addNote("operator." + n, "catatan " + n, clock.instant());
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return store.update(List.of(change));
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Incident stored = store.find(v1.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.notes()).as("only the winner's note").hasSize(1);
        assertThat(stored.history()).hasSize(1);
    }

    @Test
    void stationsSeeWhatTheyAnswerForOrTookNewestFirstAsFiltered() {
        Incident slemanByPolda = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.diy1", POLDA_DIY).incident();
        clock.advance(Duration.ofMinutes(1));
        Incident bantulBySleman = incidents.create(appReport(IncidentType.THEFT, -7.8886, 110.33), "operator.sleman1", SLEMAN).incident();
        clock.advance(Duration.ofMinutes(1));
        Incident resolved = incidents.create(brawlCall(-7.7156, 110.3558, "call-3"), "operator.sleman1", SLEMAN).incident();
        incidents.moveTo(resolved.id(), IncidentStatus.RESOLVED, "operator.sleman1", null);

        assertThat(ids(store.atStations(List.of(SLEMAN), IncidentFilter.open(), 10))).containsExactly(bantulBySleman.id(), slemanByPolda.id());
        assertThat(ids(store.atStations(List.of(SLEMAN), IncidentFilter.any(), 10)))
                .containsExactly(resolved.id(), bantulBySleman.id(), slemanByPolda.id());
        assertThat(ids(store.atStations(List.of(SLEMAN), IncidentFilter.any(), 2))).containsExactly(resolved.id(), bantulBySleman.id());
        assertThat(ids(store.atStations(List.of(BANTUL), IncidentFilter.any(), 10))).containsExactly(bantulBySleman.id());
        assertThat(ids(store.atStations(List.of(POLDA_DIY), IncidentFilter.any(), 10))).containsExactly(slemanByPolda.id());
        assertThat(ids(store.atStations(List.of(SLEMAN, BANTUL, POLDA_DIY), IncidentFilter.any(), 10))).hasSize(3);
        assertThat(ids(store.atStations(List.of(SLEMAN), new IncidentFilter(EnumSet.of(IncidentStatus.RESOLVED), null, null, null), 10)))
                .containsExactly(resolved.id());
        assertThat(ids(store.atStations(List.of(SLEMAN), new IncidentFilter(IncidentFilter.openStatuses(), 4, null, null), 10)))
                .containsExactly(bantulBySleman.id());
        assertThat(ids(store.atStations(List.of(SLEMAN), new IncidentFilter(IncidentFilter.openStatuses(), null, IncidentType.BRAWL, null), 10)))
                .containsExactly(slemanByPolda.id());
        assertThat(ids(store.atStations(List.of(SLEMAN), new IncidentFilter(Set.of(IncidentStatus.values()), null, null, "call-3"), 10)))
                .containsExactly(resolved.id());
        assertThat(ids(store.atStations(List.of(SLEMAN), new IncidentFilter(Set.of(IncidentStatus.values()), null, null, null, "+6281200000001"), 10)))
                .as("the caller of both calls").containsExactly(resolved.id(), slemanByPolda.id());
        assertThat(store.atStations(List.of(SLEMAN), new IncidentFilter(Set.of(IncidentStatus.values()), null, null, null, "+6281299999999"), 10))
                .isEmpty();
        assertThat(store.atStations(List.of(), IncidentFilter.any(), 10)).isEmpty();
    }

    @Test
    void theDuplicateSearchSelectsOpenIncidentsOfTheTypesInTheBoxAndWindow() {
        Incident brawl = incidents.create(brawlCall(-7.7156, 110.3558, "call-1"), "operator.sleman1", SLEMAN).incident();
        Incident theft = incidents.create(appReport(IncidentType.THEFT, -7.7157, 110.3559), "api:polisiku", StationId.of("MABES")).incident();
        Incident far = incidents.create(brawlCall(-7.8886, 110.33, "call-2"), "operator.bantul1", BANTUL).incident();
        Incident closed = incidents.create(brawlCall(-7.7156, 110.3558, "call-3"), "operator.sleman1", SLEMAN).incident();
        incidents.moveTo(closed.id(), IncidentStatus.UNFOUNDED, "operator.sleman1", "iseng");
        incidents.create(new NewIncident(IncidentType.PRANK, null, null, null, null, null, null, Channel.CALL_110, "call-4", null),
                "operator.sleman1", SLEMAN);

        IncidentStore.Box box = new DuplicatePolicy(500, Duration.ofMinutes(30)).searchBox(new GeoPoint(-7.7156, 110.3558));
        Instant now = clock.instant();
        Set<IncidentType> brawlish = IncidentType.BRAWL.related();
        assertThat(ids(store.openNear(brawlish, box, now.minusSeconds(60), now.plusSeconds(60)))).containsExactly(brawl.id());
        assertThat(ids(store.openNear(EnumSet.of(IncidentType.THEFT, IncidentType.PRANK), box, now.minusSeconds(60), now.plusSeconds(60))))
                .containsExactly(theft.id());
        assertThat(store.openNear(brawlish, box, now.plusSeconds(1), now.plusSeconds(60))).as("outside the window").isEmpty();
        assertThat(store.openNear(Set.of(), box, now.minusSeconds(60), now.plusSeconds(60))).isEmpty();
        assertThat(ids(store.openNear(brawlish, new IncidentStore.Box(-8.0, 110.0, -7.5, 110.5), now, now))).containsExactlyInAnyOrder(brawl.id(), far.id());
    }

    static List<IncidentId> ids(List<Incident> list) {
        return list.stream().map(Incident::id).toList();
    }
}
