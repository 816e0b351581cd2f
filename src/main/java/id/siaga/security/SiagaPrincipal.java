package id.siaga.security;

import id.siaga.org.StationId;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated person or client, with the home station that bounds their view. */
public record SiagaPrincipal(String username, String displayName, String passwordHash, Set<Role> roles,
                             StationId station, boolean enabled) implements UserDetails {

    public static SiagaPrincipal of(UserAccount a) {
        return new SiagaPrincipal(a.username(), a.displayName(), a.passwordHash(), a.roles(), a.station(), a.enabled());
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
