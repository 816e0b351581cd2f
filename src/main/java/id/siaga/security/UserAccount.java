package id.siaga.security;

import id.siaga.org.StationId;
import java.util.Set;

/** A login: bcrypt password hash, roles, and the home station that bounds what the user sees. */
public record UserAccount(String username, String displayName, String passwordHash, Set<Role> roles,
                          StationId station, boolean enabled) {

    public UserAccount {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " has no role");
        }
    }
}
