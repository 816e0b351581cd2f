package id.siaga.store;

import id.siaga.incident.IncidentId;
import id.siaga.integration.StatusLink;
import id.siaga.integration.StatusLinkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Status links in table {@code status_link} (V7; since V9 the token's SHA-256 in place of the token). */
public final class JdbcStatusLinkStore implements StatusLinkStore {

    private final JdbcTemplate jdbc;

    public JdbcStatusLinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(StatusLink link) {
        jdbc.update("INSERT INTO status_link (token_hash, incident_id, created_at) VALUES (?, ?, ?)", link.tokenHash(), link.incident().value(),
                OffsetDateTime.ofInstant(link.createdAt(), ZoneOffset.UTC));
    }

    @Override
    public Optional<StatusLink> find(String token) {
        return jdbc.query("SELECT token_hash, incident_id, created_at FROM status_link WHERE token_hash = ?", (rs, n) -> map(rs),
                StatusLink.hash(token)).stream().findFirst();
    }

    @Override
    public Optional<StatusLink> ofIncident(IncidentId incident) {
        return jdbc.query("SELECT token_hash, incident_id, created_at FROM status_link WHERE incident_id = ? ORDER BY created_at, token_hash",
                (rs, n) -> map(rs), incident.value()).stream().findFirst();
    }

    private static StatusLink map(ResultSet rs) throws SQLException {
        return new StatusLink(rs.getString("token_hash"), new IncidentId(rs.getString("incident_id")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
