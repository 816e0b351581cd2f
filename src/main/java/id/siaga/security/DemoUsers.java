package id.siaga.security;

import id.siaga.org.CsvRows;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.io.Reader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Seeds logins from a users file ({@code username,display_name,roles,station,password}) into the user
 * store, hashing each password. Accounts that already exist are left alone, so a password changed after
 * the first start stays changed.
 */
public final class DemoUsers {

    private DemoUsers() {
    }

    /** @return how many accounts were created */
    public static int seed(Reader reader, String source, StationTree tree, UserAccountStore users, PasswordEncoder encoder) {
        int created = 0;
        for (CsvRows.Row row : CsvRows.read(reader, source, "username", "display_name", "roles", "station", "password")) {
            String username = row.required("username");
            StationId station;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            try {
                station = StationId.of(row.required("station"));
                Arrays.stream(row.required("roles").split("[\\s,]+")).map(Role::valueOf).forEach(roles::add);
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
            if (!tree.contains(station)) {
                throw row.problem("user " + username + " has unknown home station " + station);
            }
            if (users.find(username).isEmpty()) {
                users.save(new UserAccount(username, row.required("display_name"), encoder.encode(row.required("password")),
                        roles, station, true));
                created++;
            }
        }
        return created;
    }
}
