package id.siaga.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads logins from the user store for Spring Security's password check. */
public final class UserAccountDetailsService implements UserDetailsService {

    private final UserAccountStore users;

    public UserAccountDetailsService(UserAccountStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username).map(SiagaPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }
}
