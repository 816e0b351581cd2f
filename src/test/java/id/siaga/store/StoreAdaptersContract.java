package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.RolloutStatus;
import id.siaga.org.StationId;
import id.siaga.security.ApiClient;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
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
    void twoRootAdministratorsDisablingEachOtherAtOnceLeaveOne() throws Exception {
        StationId mabes = StationId.of("MABES");
        UserAccount ani = new UserAccount("admin.ani", "Kombes Ani", "$2a$10$ani", Set.of(Role.ADMIN), mabes, true);
        UserAccount budi = new UserAccount("admin.budi", "Kombes Budi", "$2a$10$budi", Set.of(Role.ADMIN, Role.SUPERVISOR), mabes, true);
        JdbcUserAccountStore users = new JdbcUserAccountStore(jdbc);
        assertThat(users.insert(ani)).isTrue();
        assertThat(users.insert(budi)).isTrue();
        try (var otherNode = db.anotherPool("other-node"); java.sql.Connection first = db.dataSource().getConnection()) {
            // the first node is in the middle of disabling Ani: the administrators locked, Ani's row written, not committed
            first.setAutoCommit(false);
            try (var lock = first.prepareStatement("SELECT username FROM app_user WHERE station_id = 'MABES' AND enabled = TRUE "
                    + "AND (' ' || roles || ' ') LIKE '% ADMIN %' ORDER BY username FOR UPDATE"); var rows = lock.executeQuery()) {
                int locked = 0;
                while (rows.next()) {
                    locked++;
                }
                assertThat(locked).isEqualTo(2);
            }
            try (var disable = first.prepareStatement("UPDATE app_user SET enabled = FALSE WHERE username = 'admin.ani'")) {
                assertThat(disable.executeUpdate()).isEqualTo(1);
            }
            // the second node disables Budi meanwhile: it waits for the first, then sees Ani no longer an administrator
            JdbcUserAccountStore second = new JdbcUserAccountStore(new JdbcTemplate(otherNode));
            var outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> second.replaceKeepingAnAdministrator(budi, budi.withEnabled(false), mabes));
            Thread.sleep(300);
            assertThat(outcome).as("the second node waits for the first node's lock").isNotDone();
            first.commit();
            assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(UserAccountStore.Kept.NO_OTHER_ADMINISTRATOR);
        }
        assertThat(users.find("admin.budi")).contains(budi);
        assertThat(users.find("admin.ani").orElseThrow().enabled()).isFalse();
        UserAccount budiAsIs = users.find("admin.budi").orElseThrow();
        assertThat(users.replaceKeepingAnAdministrator(budiAsIs, budiAsIs.withEnabled(false), mabes)).as("still the last one")
                .isEqualTo(UserAccountStore.Kept.NO_OTHER_ADMINISTRATOR);
        UserAccount aniAsIs = users.find("admin.ani").orElseThrow();
        assertThat(users.replace(aniAsIs, aniAsIs.withEnabled(true))).isTrue();
        assertThat(users.replaceKeepingAnAdministrator(budiAsIs, budiAsIs.withEnabled(false), mabes)).isEqualTo(UserAccountStore.Kept.REPLACED);
        assertThat(users.replaceKeepingAnAdministrator(budiAsIs, budiAsIs.withEnabled(false), mabes)).as("read before the change")
                .isEqualTo(UserAccountStore.Kept.CHANGED_MEANWHILE);
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
