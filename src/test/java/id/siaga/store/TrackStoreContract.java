package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.TestDatabase;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Track history through each database: a batch in, a unit's track out by time, retention. */
abstract class TrackStoreContract {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    TestDatabase db;
    JdbcTrackStore store;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        store = new JdbcTrackStore(db.dataSource());
        store.prepareDays(LocalDate.parse("2026-11-28"), 2);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static Position at(String unit, Instant t, double lat) {
        return new Position(unit, unit.toLowerCase() + "-gps", t, lat, 110.3558, 8.5, 271.0, 110.0, 5.0, 87.0, PositionSource.MQTT,
                t.plusMillis(350));
    }

    @Test
    void aBatchGoesInAndAUnitsTrackComesOutOldestFirstWithinTheWindow() {
        List<Position> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(at(i % 2 == 0 ? "SLM-R4-01" : "BTL-R4-01", T0.plusSeconds(i), -7.7 - i * 1e-5));
        }
        Position sparse = new Position("SLM-R4-01", "sleman-r4-01", T0.plusSeconds(1000), -7.8, 110.4, null, null, null, null, null,
                PositionSource.OSMAND_HTTP, T0.plusSeconds(1001));
        batch.add(sparse);
        store.append(batch);

        List<Position> sleman = store.track("SLM-R4-01", T0, T0.plusSeconds(2000), 1000);
        assertThat(sleman).hasSize(251);
        assertThat(sleman.get(0)).isEqualTo(batch.get(0));
        assertThat(sleman.get(250)).as("absent measurements stay absent").isEqualTo(sparse);
        assertThat(sleman).isSortedAccordingTo((a, b) -> a.fixTime().compareTo(b.fixTime()));
        assertThat(store.track("SLM-R4-01", T0.plusSeconds(10), T0.plusSeconds(20), 1000)).extracting(Position::fixTime)
                .as("from included, to excluded").containsExactly(T0.plusSeconds(10), T0.plusSeconds(12), T0.plusSeconds(14),
                        T0.plusSeconds(16), T0.plusSeconds(18));
        assertThat(store.track("SLM-R4-01", T0, T0.plusSeconds(2000), 3)).hasSize(3);
        assertThat(store.track("KP-R4-01", T0, T0.plusSeconds(2000), 10)).isEmpty();
    }

    @Test
    void eachUnitsLatestFixSinceATime() {
        store.append(List.of(at("SLM-R4-01", T0, -7.70), at("SLM-R4-01", T0.plusSeconds(60), -7.71), at("BTL-R4-01", T0.plusSeconds(5), -7.9),
                at("KP-R4-01", T0.minusSeconds(3600), -7.8)));
        assertThat(store.latestSince(T0.minusSeconds(60))).extracting(Position::unitId, Position::fixTime)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SLM-R4-01", T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("BTL-R4-01", T0.plusSeconds(5)));
    }

    @Test
    void retentionRemovesWhatIsOlderThanTheCutoffAndKeepsTheRest() {
        Instant old = Instant.parse("2026-08-01T12:00:00Z");
        store.append(List.of(at("SLM-R4-01", old, -7.7), at("SLM-R4-01", T0, -7.7), at("SLM-R4-01", T0.plus(Duration.ofDays(1)), -7.7)));
        assertThat(store.purgeBefore(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo(1);
        assertThat(store.track("SLM-R4-01", old.minusSeconds(1), T0.plus(Duration.ofDays(2)), 10)).extracting(Position::fixTime)
                .containsExactly(T0, T0.plus(Duration.ofDays(1)));
    }

    @Test
    void aFixWrittenAgainIsStoredOnce() {
        Position fix = at("SLM-R4-01", T0, -7.70);
        Position resent = new Position(fix.unitId(), fix.deviceId(), fix.fixTime(), fix.latitude(), fix.longitude(), fix.speedMetersPerSecond(),
                fix.bearingDegrees(), fix.altitudeMeters(), fix.accuracyMeters(), fix.batteryPercent(), fix.source(), T0.plusSeconds(30));
        Position otherDevice = new Position("SLM-R4-01", "sleman-r4-01", T0, -7.70, 110.3558, null, null, null, null, null,
                id.siaga.tracking.PositionSource.OSMAND_HTTP, T0.plusSeconds(1));
        store.append(List.of(fix, at("SLM-R4-01", T0.plusSeconds(10), -7.71)));
        store.append(List.of(resent, fix, otherDevice)); // a spool replayed after a crash, a sender resending, in one batch
        assertThat(store.track("SLM-R4-01", T0, T0.plusSeconds(60), 100)).as("the first write of each fix stays")
                .containsExactlyInAnyOrder(fix, at("SLM-R4-01", T0.plusSeconds(10), -7.71), otherDevice);
    }

    @Test
    void valuesTheDatabaseCannotHoldAreRefusedAsValuesNotAsAnOutage() {
        Position tooLong = new Position("SLM-R4-01", "d".repeat(200), T0, -7.7, 110.3558, null, null, null, null, null,
                id.siaga.tracking.PositionSource.MQTT, T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(List.of(at("SLM-R4-01", T0.plusSeconds(1), -7.7), tooLong)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.track("SLM-R4-01", T0, T0.plusSeconds(60), 100)).as("one transaction: nothing of the batch").isEmpty();
    }

    @Test
    void theUpgradeKeepsOneRowOfEachFixStoredTwiceBefore() {
        try (TestDatabase old = TestDatabase.createAt(kind(), "10")) {
            JdbcTrackStore before = new JdbcTrackStore(old.dataSource());
            before.prepareDays(java.time.LocalDate.parse("2026-11-28"), 1);
            String insert = "INSERT INTO unit_position (unit_id, device_id, fix_time, received_at, lat, lon, source) VALUES "
                    + "('SLM-R4-01', 'slm-r4-01-gps', TIMESTAMP WITH TIME ZONE '2026-11-28 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-28 09:00:01+00', "
                    + "-7.7, 110.3558, 'MQTT')";
            old.execute(insert);
            old.execute(insert);
            old.execute(insert.replace("09:00:00+00", "09:00:05+00"));
            old.migrateToLatest();
            assertThat(new JdbcTrackStore(old.dataSource()).track("SLM-R4-01", T0, T0.plusSeconds(60), 100)).extracting(Position::fixTime)
                    .containsExactly(T0, T0.plusSeconds(5));
        }
    }
}
