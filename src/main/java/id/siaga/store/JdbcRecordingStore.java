package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.recording.CallerSilence;
import id.siaga.telephony.recording.Recording;
import id.siaga.telephony.recording.RecordingStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The index of call recordings in {@code call_recording}. */
public final class JdbcRecordingStore implements RecordingStore {

    private static final String COLUMNS = "call_id, station_id, path, sha256, bytes, duration_ms, recorded_at";
    private final JdbcTemplate jdbc;

    public JdbcRecordingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Recording r) {
        try {
            jdbc.update("INSERT INTO call_recording (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", r.call().value(), r.station().value(),
                    r.file(), r.sha256(), r.bytes(), r.duration().toMillis(), OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Recording> find(CallId call) {
        return jdbc.query("SELECT " + COLUMNS + " FROM call_recording WHERE call_id = ?", (rs, n) -> map(rs), call.value()).stream().findFirst();
    }

    @Override
    public Set<CallId> recorded(Collection<CallId> calls) {
        return JdbcCallRecordStore.present(jdbc, "call_recording", "call_id", calls);
    }

    @Override
    public List<Recording> latest(Collection<StationId> stations, int limit) {
        if (stations.isEmpty()) {
            return List.of();
        }
        List<Object> args = new java.util.ArrayList<>();
        stations.forEach(s -> args.add(s.value()));
        args.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM call_recording WHERE station_id IN ("
                + String.join(",", java.util.Collections.nCopies(stations.size(), "?")) + ") ORDER BY recorded_at DESC, call_id DESC LIMIT ?",
                (rs, n) -> map(rs), args.toArray());
    }

    @Override
    public List<Recording> keptBefore(Instant cutoff, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM call_recording WHERE recorded_at < ? ORDER BY recorded_at, call_id LIMIT ?",
                (rs, n) -> map(rs), OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit);
    }

    @Override
    public boolean noteCallerSilence(CallId call, CallerSilence.Heard heard) {
        return jdbc.update("UPDATE call_recording SET caller_silence = ?, caller_silence_ms = ? WHERE call_id = ?", heard.verdict().name(),
                (int) heard.window().toMillis(), call.value()) > 0;
    }

    @Override
    public java.util.Map<CallId, CallerSilence.Heard> callerSilences(Collection<CallId> calls) {
        java.util.Map<CallId, CallerSilence.Heard> found = new java.util.HashMap<>();
        List<String> ids = calls.stream().map(CallId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT call_id, caller_silence, caller_silence_ms FROM call_recording WHERE caller_silence IS NOT NULL AND call_id IN ("
                    + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")", rs -> {
                        found.put(new CallId(rs.getString("call_id")), new CallerSilence.Heard(
                                CallerSilence.Verdict.valueOf(rs.getString("caller_silence")), java.time.Duration.ofMillis(rs.getLong("caller_silence_ms"))));
                    }, batch.toArray());
        }
        return found;
    }

    @Override
    public boolean remove(CallId call) {
        return jdbc.update("DELETE FROM call_recording WHERE call_id = ?", call.value()) > 0;
    }

    private static Recording map(ResultSet rs) throws SQLException {
        return new Recording(new CallId(rs.getString("call_id")), StationId.of(rs.getString("station_id")), rs.getString("path"),
                rs.getString("sha256"), rs.getLong("bytes"), Duration.ofMillis(rs.getLong("duration_ms")),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
