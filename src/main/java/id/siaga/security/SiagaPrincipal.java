package id.siaga.security;

import id.siaga.org.StationId;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated person or client, with the home station that bounds their view; {@code mustChangePassword} while
 * the password is one an administrator set.
 */
public record SiagaPrincipal(String username, String displayName, String passwordHash, Set<Role> roles,
                             StationId station, boolean enabled, boolean mustChangePassword) implements UserDetails {

    /** A client or person whose password needs no change. */
    public SiagaPrincipal(String username, String displayName, String passwordHash, Set<Role> roles, StationId station, boolean enabled) {
        this(username, displayName, passwordHash, roles, station, enabled, false);
    }

    /** The username prefix of an API client's principal ({@code api:keyId}), also its journal subject. */
    public static final String API_KEY_PREFIX = "api:";

    /** The principal of an API client, named {@code api:keyId}, with no password. */
    public static SiagaPrincipal of(ApiClient c) {
        return new SiagaPrincipal(apiSubject(c.keyId()), c.name(), "", c.roles(), c.station(), true);
    }

    /** What an API key is called as a principal and in the journal. */
    public static String apiSubject(String keyId) {
        return API_KEY_PREFIX + keyId;
    }

    /** Whether this is an API client rather than a person. */
    public boolean isApiClient() {
        return username.startsWith(API_KEY_PREFIX);
    }

    public static SiagaPrincipal of(UserAccount a) {
        return new SiagaPrincipal(a.username(), a.displayName(), a.passwordHash(), a.roles(), a.station(), a.enabled(),
                a.mustChangePassword());
    }

    /** Whether the account, as stored now, is still the one this principal was made from. */
    public boolean matches(UserAccount a) {
        return equals(of(a));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
