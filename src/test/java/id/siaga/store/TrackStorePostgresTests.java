package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL the history is partitioned by day: days prepared ahead, DEFAULT for the rest, retention by dropping days. */
class TrackStorePostgresTests extends TrackStoreContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }

    int rowsIn(String table) {
        return new JdbcTemplate(db.dataSource()).queryForObject("SELECT count(*) FROM ONLY " + table, Integer.class);
    }

    @Test
    void eachPreparedDayHasItsPartitionAndAFixOutsideThemLandsInDefault() {
        assertThat(store.partitioned()).isTrue();
        assertThat(store.partitionDays()).containsExactly(LocalDate.parse("2026-11-28"), LocalDate.parse("2026-11-29"),
                LocalDate.parse("2026-11-30"));
        store.prepareDays(LocalDate.parse("2026-11-28"), 2);   // again: nothing changes
        store.append(List.of(at("SLM-R4-01", Instant.parse("2026-11-28T23:59:59.999Z"), -7.7),
                at("SLM-R4-01", Instant.parse("2026-11-29T00:00:00Z"), -7.7),
                at("SLM-R4-01", Instant.parse("2026-12-05T08:00:00Z"), -7.7),
                at("SLM-R4-01", Instant.parse("2026-11-20T08:00:00Z"), -7.7)));
        assertThat(rowsIn("unit_position_p20261128")).isEqualTo(1);
        assertThat(rowsIn("unit_position_p20261129")).isEqualTo(1);
        assertThat(rowsIn("unit_position_default")).as("no day prepared for 20 Nov and 5 Dec").isEqualTo(2);
    }

    @Test
    void preparingADayTakesOverWhatWaitedInDefault() {
        store.append(List.of(at("SLM-R4-01", Instant.parse("2026-12-05T08:00:00Z"), -7.7), at("SLM-R4-01", Instant.parse("2026-12-06T08:00:00Z"), -7.7)));
        store.prepareDays(LocalDate.parse("2026-12-05"), 0);
        assertThat(rowsIn("unit_position_p20261205")).isEqualTo(1);
        assertThat(rowsIn("unit_position_default")).isEqualTo(1);
        assertThat(store.track("SLM-R4-01", Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"), 10)).hasSize(2);
    }

    @Test
    void copyWritesTheSameRowsAsTheBatch() {
        JdbcTrackStore copying = new JdbcTrackStore(db.dataSource(), true);
        Instant t = Instant.parse("2026-11-28T10:00:00.123456Z");
        var full = at("SLM-R4-01", t, -7.7156);
        var sparse = new id.siaga.tracking.Position("SLM-R4-01", "odd\tdevice\\1", t.plusSeconds(1), -7.8, 110.4, null, null, null,
                null, null, id.siaga.tracking.PositionSource.JSON_BATCH, t.plusSeconds(2));
        copying.append(List.of(full, sparse));
        assertThat(store.track("SLM-R4-01", t, t.plusSeconds(10), 10)).containsExactly(full, sparse);
    }

    @Test
    void retentionDropsWholeDaysBeforeTheCutoff() {
        store.append(List.of(at("SLM-R4-01", Instant.parse("2026-11-28T10:00:00Z"), -7.7), at("SLM-R4-01", Instant.parse("2026-11-29T10:00:00Z"), -7.7)));
        assertThat(store.purgeBefore(Instant.parse("2026-11-29T06:00:00Z"))).isEqualTo(1);
        assertThat(store.partitionDays()).containsExactly(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-30"));
        assertThat(rowsIn("unit_position_p20261129")).as("the cutoff's own day is kept whole").isEqualTo(1);
    }
}
