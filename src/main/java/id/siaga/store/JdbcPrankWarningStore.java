package id.siaga.store;

import id.siaga.screening.PrankWarningStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SMS warnings to prank numbers in {@code prank_warning}. */
public final class JdbcPrankWarningStore implements PrankWarningStore {

    private final JdbcTemplate jdbc;

    public JdbcPrankWarningStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastWarnedAt(String number) {
        OffsetDateTime last = jdbc.queryForObject("SELECT MAX(warned_at) FROM prank_warning WHERE caller_number = ?", OffsetDateTime.class, number);
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    @Override
    public void keep(Sent s) {
        jdbc.update("INSERT INTO prank_warning (caller_number, warned_at, station_id, pranks, call_id) VALUES (?, ?, ?, ?, ?)", s.number(),
                OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC), s.station(), s.pranks(), s.call());
    }

    @Override
    public boolean genuineCallSince(String number, Instant since) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM call_classification WHERE caller_number = ? AND classification = 'GENUINE'"
                + " AND classified_at >= ?", Integer.class, number, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        return found != null && found > 0;
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM prank_warning WHERE warned_at < ?", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }
}
