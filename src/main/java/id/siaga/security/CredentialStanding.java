package id.siaga.security;

import java.util.Optional;

/**
 * Whether the credential a long-lived connection was opened with still stands, as the database says now: an API key not
 * revoked; an account still enabled, with the same password, roles and home station, and no password change forced on
 * it. A WebSocket is authenticated once, at its handshake; this is how it learns later that its key was revoked or its
 * account disabled (the HTTP requests learn it at each request, from {@link AccountStateFilter} and the key filter).
 * A store that cannot be read throws: the caller keeps the connection until it can tell.
 */
public final class CredentialStanding {

    private final UserAccountStore users;
    private final ApiClientStore clients;

    public CredentialStanding(UserAccountStore users, ApiClientStore clients) {
        this.users = users;
        this.clients = clients;
    }

    public boolean stands(SiagaPrincipal principal) {
        if (principal.isApiClient()) {
            Optional<ApiClient> client = clients.find(principal.username().substring(SiagaPrincipal.API_KEY_PREFIX.length()));
            return client.filter(c -> c.revoked().isEmpty() && c.roles().equals(principal.roles()) && c.station().equals(principal.station()))
                    .isPresent();
        }
        return users.find(principal.username()).filter(a -> a.enabled() && !a.mustChangePassword()
                && a.passwordHash().equals(principal.passwordHash()) && a.roles().equals(principal.roles())
                && a.station().equals(principal.station())).isPresent();
    }
}
