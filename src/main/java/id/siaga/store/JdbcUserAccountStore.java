package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Logins in {@code app_user}. */
public final class JdbcUserAccountStore implements UserAccountStore {

    private static final String COLUMNS = "username, display_name, password_hash, roles, station_id, enabled, must_change_password";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcUserAccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(java.util.Objects.requireNonNull(jdbc.getDataSource())));
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", (rs, n) -> account(rs), username).stream().findFirst();
    }

    @Override
    public List<UserAccount> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username", (rs, n) -> account(rs));
    }

    @Override
    public void save(UserAccount a) {
        String roles = a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" "));
        int updated = jdbc.update("UPDATE app_user SET display_name = ?, password_hash = ?, roles = ?, station_id = ?, enabled = ?, "
                        + "must_change_password = ? WHERE username = ?",
                a.displayName(), a.passwordHash(), roles, a.station().value(), a.enabled(), a.mustChangePassword(), a.username());
        if (updated == 0) {
            jdbc.update("INSERT INTO app_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    a.username(), a.displayName(), a.passwordHash(), roles, a.station().value(), a.enabled(), a.mustChangePassword());
        }
    }

    @Override
    public boolean insert(UserAccount a) {
        try {
            jdbc.update("INSERT INTO app_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    a.username(), a.displayName(), a.passwordHash(), roles(a), a.station().value(), a.enabled(), a.mustChangePassword());
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean replace(UserAccount before, UserAccount after) {
        if (!before.username().equals(after.username())) {
            throw new IllegalArgumentException("an account keeps its username: " + before.username() + " is not " + after.username());
        }
        return jdbc.update("UPDATE app_user SET display_name = ?, password_hash = ?, roles = ?, station_id = ?, enabled = ?, must_change_password = ? "
                        + "WHERE username = ? AND display_name = ? AND password_hash = ? AND roles = ? AND station_id = ? AND enabled = ? "
                        + "AND must_change_password = ?",
                after.displayName(), after.passwordHash(), roles(after), after.station().value(), after.enabled(), after.mustChangePassword(),
                before.username(), before.displayName(), before.passwordHash(), roles(before), before.station().value(), before.enabled(),
                before.mustChangePassword()) == 1;
    }

    /**
     * Locks the enabled administrators of the station (rows in username order, so two nodes doing this at once never
     * deadlock) and writes only if another of them remains: the second of two nodes disabling each other's administrator
     * waits for the first, then no longer counts the first's account among them.
     */
    @Override
    public Kept replaceKeepingAnAdministrator(UserAccount before, UserAccount after, StationId station) {
        return tx.execute(status -> {
            List<String> administrators = jdbc.queryForList("SELECT username FROM app_user WHERE station_id = ? AND enabled = TRUE "
                    + "AND (' ' || roles || ' ') LIKE '% ADMIN %' ORDER BY username FOR UPDATE", String.class, station.value());
            if (administrators.stream().noneMatch(u -> !u.equals(before.username()))) {
                return Kept.NO_OTHER_ADMINISTRATOR;
            }
            return replace(before, after) ? Kept.REPLACED : Kept.CHANGED_MEANWHILE;
        });
    }

    private static String roles(UserAccount a) {
        return a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" "));
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), roles(rs.getString(4)), StationId.of(rs.getString(5)),
                rs.getBoolean(6), rs.getBoolean(7));
    }

    static java.util.Set<Role> roles(String column) {
        return Arrays.stream(column.trim().split("\\s+")).map(Role::valueOf).collect(Collectors.toSet());
    }
}
