package id.siaga.security;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** An integration client: its key id, the SHA-256 of its secret, roles and home station. */
public record ApiClient(String keyId, String name, String secretSha256, Set<Role> roles, StationId station,
                        Instant createdAt, Instant revokedAt) {

    public ApiClient {
        roles = Set.copyOf(roles);
    }

    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }
}
