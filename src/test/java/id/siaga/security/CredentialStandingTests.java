package id.siaga.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A socket's credential stands while the key is not revoked and the account is as it was when the socket opened. */
class CredentialStandingTests {

    final Map<String, UserAccount> users = new ConcurrentHashMap<>();
    final Map<String, ApiClient> clients = new ConcurrentHashMap<>();
    final CredentialStanding standing = new CredentialStanding(new UserAccountStore() {
        @Override
        public Optional<UserAccount> find(String username) {
            return Optional.ofNullable(users.get(username));
        }

        @Override
        public List<UserAccount> all() {
            return List.copyOf(users.values());
        }

        @Override
        public void save(UserAccount account) {
            users.put(account.username(), account);
        }

        @Override
        public long count() {
            return users.size();
        }
    }, new ApiClientStore() {
        @Override
        public Optional<ApiClient> find(String keyId) {
            return Optional.ofNullable(clients.get(keyId));
        }

        @Override
        public void save(ApiClient client) {
            clients.put(client.keyId(), client);
        }

        @Override
        public List<ApiClient> all() {
            return List.copyOf(clients.values());
        }
    });

    @Test
    void anOfficersSocketStandsUntilTheAccountIsDisabledResetOrChanged() {
        UserAccount dedi = new UserAccount("officer.dedi", "Bripda Dedi", "$2a$10$dedi", Set.of(Role.FIELD_OFFICER), StationId.of("POLRES-3404"), true);
        users.put(dedi.username(), dedi);
        SiagaPrincipal opened = SiagaPrincipal.of(dedi);
        assertThat(standing.stands(opened)).isTrue();
        users.put(dedi.username(), dedi.withEnabled(false));
        assertThat(standing.stands(opened)).as("disabled").isFalse();
        users.put(dedi.username(), dedi.withTemporaryPassword("$2a$10$temporary"));
        assertThat(standing.stands(opened)).as("reset by an administrator").isFalse();
        users.put(dedi.username(), dedi.withOwnPassword("$2a$10$other"));
        assertThat(standing.stands(opened)).as("password changed elsewhere").isFalse();
        users.put(dedi.username(), dedi.withProfile("Bripda Dedi", Set.of(Role.FIELD_OFFICER), StationId.of("POLRES-3402")));
        assertThat(standing.stands(opened)).as("moved to another station").isFalse();
        users.put(dedi.username(), dedi.withProfile("Bripda Dedi Kurniawan", Set.of(Role.FIELD_OFFICER), StationId.of("POLRES-3404")));
        assertThat(standing.stands(opened)).as("a new display name changes nothing of what the socket may see").isTrue();
        users.remove(dedi.username());
        assertThat(standing.stands(opened)).as("gone").isFalse();
    }

    @Test
    void aKeysSocketStandsUntilTheKeyIsRevoked() {
        ApiClient binmas = new ApiClient("k0011223344556677", "Binmas Online System", "a".repeat(64), Set.of(Role.INTEGRATION),
                StationId.of("MABES"), Instant.parse("2026-12-01T00:00:00Z"), null);
        clients.put(binmas.keyId(), binmas);
        SiagaPrincipal opened = SiagaPrincipal.of(binmas);
        assertThat(standing.stands(opened)).isTrue();
        clients.put(binmas.keyId(), new ApiClient(binmas.keyId(), binmas.name(), binmas.secretSha256(), binmas.roles(), binmas.station(),
                binmas.createdAt(), Instant.parse("2026-12-02T00:00:00Z")));
        assertThat(standing.stands(opened)).isFalse();
        assertThat(standing.stands(new SiagaPrincipal("api:kunknown", "?", "", Set.of(Role.INTEGRATION), StationId.of("MABES"), true))).isFalse();
    }
}
