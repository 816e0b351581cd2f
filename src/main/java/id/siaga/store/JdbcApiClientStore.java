package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.security.ApiClient;
import id.siaga.security.ApiClientStore;
import id.siaga.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Integration clients in {@code api_client}. */
public final class JdbcApiClientStore implements ApiClientStore {

    private static final String COLUMNS = "key_id, name, secret_sha256, roles, station_id, created_at, revoked_at";
    private final JdbcTemplate jdbc;

    public JdbcApiClientStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApiClient> find(String keyId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_client WHERE key_id = ?", (rs, n) -> map(rs), keyId).stream().findFirst();
    }

    @Override
    public void save(ApiClient c) {
        String roles = c.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" "));
        OffsetDateTime revoked = c.revoked().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null);
        int updated = jdbc.update("UPDATE api_client SET name = ?, roles = ?, station_id = ?, revoked_at = ? WHERE key_id = ?",
                c.name(), roles, c.station().value(), revoked, c.keyId());
        if (updated == 0) {
            jdbc.update("INSERT INTO api_client (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", c.keyId(), c.name(), c.secretSha256(),
                    roles, c.station().value(), OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC), revoked);
        }
    }

    @Override
    public List<ApiClient> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_client ORDER BY created_at", (rs, n) -> map(rs));
    }

    private static ApiClient map(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject(7, OffsetDateTime.class);
        return new ApiClient(rs.getString(1), rs.getString(2), rs.getString(3), JdbcUserAccountStore.roles(rs.getString(4)),
                StationId.of(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
