package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.RolloutStatus;
import id.siaga.org.StationId;
import id.siaga.security.ApiClient;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.support.TestDatabase;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users, API clients, rollout statuses and station names round-trip through each database. */
abstract class StoreAdaptersContract {

    TestDatabase db;
    JdbcTemplate jdbc;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        jdbc = new JdbcTemplate(db.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void usersAreSavedFoundAndUpdated() {
        JdbcUserAccountStore users = new JdbcUserAccountStore(jdbc);
        UserAccount rina = new UserAccount("operator.sleman1", "Bripka Rina", "$2a$10$hash", Set.of(Role.OPERATOR, Role.DISPATCHER),
                StationId.of("POLRES-3404"), true);
        users.save(rina);
        assertThat(users.find("operator.sleman1")).contains(rina);
        UserAccount moved = new UserAccount("operator.sleman1", "Bripka Rina", "$2a$10$other", Set.of(Role.SUPERVISOR),
                StationId.of("POLDA-DIY"), false);
        users.save(moved);
        assertThat(users.find("operator.sleman1")).contains(moved);
        assertThat(users.find("nobody")).isEmpty();
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void twoChangesOfOneAccountAtOnceNeverUndoEachOther() {
        JdbcUserAccountStore users = new JdbcUserAccountStore(jdbc);
        UserAccount budi = new UserAccount("operator.budi", "Brigpol Budi", "$2a$10$first", Set.of(Role.OPERATOR), StationId.of("POLRES-3404"),
                true);
        assertThat(users.insert(budi)).isTrue();
        assertThat(users.insert(budi.withEnabled(false))).as("a second node creating the same username a moment later").isFalse();
        UserAccount disabled = budi.withEnabled(false);
        UserAccount ownPassword = budi.withOwnPassword("$2a$10$second");
        assertThat(users.replace(budi, disabled)).as("an administrator disables Budi on one node").isTrue();
        assertThat(users.replace(budi, ownPassword)).as("his password change read the account before, on another node").isFalse();
        assertThat(users.find("operator.budi")).contains(disabled);
    }

    @Test
    void apiClientsAreSavedAndRevoked() {
        JdbcApiClientStore clients = new JdbcApiClientStore(jdbc);
        Instant created = Instant.parse("2026-11-28T01:02:03.456789Z");
        ApiClient binmas = new ApiClient("k0011223344556677", "Binmas Online System", "a".repeat(64), Set.of(Role.INTEGRATION),
                StationId.of("MABES"), created, null);
        clients.save(binmas);
        assertThat(clients.find("k0011223344556677")).contains(binmas);
        ApiClient revoked = new ApiClient(binmas.keyId(), binmas.name(), binmas.secretSha256(), binmas.roles(), binmas.station(), created,
                Instant.parse("2026-11-29T00:00:00Z"));
        clients.save(revoked);
        assertThat(clients.find("k0011223344556677")).contains(revoked);
        assertThat(clients.all()).containsExactly(revoked);
    }

    @Test
    void rolloutStatusesOverrideAndChange() {
        JdbcStationStatusStore statuses = new JdbcStationStatusStore(jdbc);
        statuses.save(StationId.of("POLRES-3403"), RolloutStatus.SUSPENDED, "admin", Instant.parse("2026-11-28T01:00:00Z"));
        statuses.save(StationId.of("POLRES-3401"), RolloutStatus.PLANNED, "admin", Instant.parse("2026-11-28T01:00:00Z"));
        statuses.save(StationId.of("POLRES-3403"), RolloutStatus.LIVE, "admin", Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(statuses.all()).isEqualTo(Map.of(StationId.of("POLRES-3401"), RolloutStatus.PLANNED,
                StationId.of("POLRES-3403"), RolloutStatus.LIVE));
    }

    @Test
    void stationNamesAreSavedChangedAndForgottenTogether() {
        JdbcStationNameStore names = new JdbcStationNameStore(jdbc);
        Instant at = Instant.parse("2026-12-04T01:00:00Z");
        names.change(Map.of(StationId.of("POLRES-3404"), "Polresta Sleman", StationId.of("POLRES-3471"), "Polresta Yogyakarta"), Set.of(), "admin",
                at);
        names.change(Map.of(StationId.of("POLRES-3404"), "Polres Sleman Baru"), Set.of(StationId.of("POLRES-3471")), "admin", at.plusSeconds(60));
        assertThat(names.all()).isEqualTo(Map.of(StationId.of("POLRES-3404"), "Polres Sleman Baru"));
        // a name the table cannot hold fails the whole change: the name before it in the same change is not kept either
        java.util.Map<StationId, String> twoNames = new java.util.LinkedHashMap<>();
        twoNames.put(StationId.of("POLRES-3402"), "Polres Bantul Baru");
        twoNames.put(StationId.of("POLRES-3401"), "x".repeat(150));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> names.change(twoNames, Set.of(), "admin", at)).isInstanceOf(RuntimeException.class);
        assertThat(names.all()).doesNotContainKey(StationId.of("POLRES-3402"));
    }
}
