package id.siaga.security;

import id.siaga.org.StationId;
import java.util.Set;

/**
 * A login: bcrypt password hash, roles, and the home station that bounds what the user sees. An account whose password
 * an administrator set (a new account, a reset) must have it changed by its user before anything else.
 */
public record UserAccount(String username, String displayName, String passwordHash, Set<Role> roles,
                          StationId station, boolean enabled, boolean mustChangePassword) {

    public UserAccount {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " has no role");
        }
    }

    /** An account whose password its user chose (or was given in a seed file). */
    public UserAccount(String username, String displayName, String passwordHash, Set<Role> roles, StationId station, boolean enabled) {
        this(username, displayName, passwordHash, roles, station, enabled, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The same account with a password an administrator set: its user must change it at the next login. */
    public UserAccount withTemporaryPassword(String hash) {
        return new UserAccount(username, displayName, hash, roles, station, enabled, true);
    }

    /** The same account with the password its user chose. */
    public UserAccount withOwnPassword(String hash) {
        return new UserAccount(username, displayName, hash, roles, station, enabled, false);
    }

    public UserAccount withProfile(String newDisplayName, Set<Role> newRoles, StationId newStation) {
        return new UserAccount(username, newDisplayName, passwordHash, newRoles, newStation, enabled, mustChangePassword);
    }

    public UserAccount withEnabled(boolean on) {
        return new UserAccount(username, displayName, passwordHash, roles, station, on, mustChangePassword);
    }
}
