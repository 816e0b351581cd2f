package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Logins in {@code app_user}. */
public final class JdbcUserAccountStore implements UserAccountStore {

    private final JdbcTemplate jdbc;

    public JdbcUserAccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT username, display_name, password_hash, roles, station_id, enabled FROM app_user WHERE username = ?",
                (rs, n) -> new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), roles(rs.getString(4)),
                        StationId.of(rs.getString(5)), rs.getBoolean(6)), username).stream().findFirst();
    }

    @Override
    public void save(UserAccount a) {
        String roles = a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" "));
        int updated = jdbc.update("UPDATE app_user SET display_name = ?, password_hash = ?, roles = ?, station_id = ?, enabled = ? WHERE username = ?",
                a.displayName(), a.passwordHash(), roles, a.station().value(), a.enabled(), a.username());
        if (updated == 0) {
            jdbc.update("INSERT INTO app_user (username, display_name, password_hash, roles, station_id, enabled) VALUES (?, ?, ?, ?, ?, ?)",
                    a.username(), a.displayName(), a.passwordHash(), roles, a.station().value(), a.enabled());
        }
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    static java.util.Set<Role> roles(String column) {
        return Arrays.stream(column.trim().split("\\s+")).map(Role::valueOf).collect(Collectors.toSet());
    }
}
