package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.incident.IncidentId;
import id.siaga.integration.StatusLink;
import id.siaga.integration.StatusLinkStore;
import id.siaga.support.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen's status link is kept with its incident and found by its token alone, in each database; only the token's
 * SHA-256 is stored, and links kept in the clear before V9 still open after the upgrade.
 */
abstract class StatusLinkStoreContract {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00.123456Z");

    TestDatabase db;
    StatusLinkStore store;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        store = new JdbcStatusLinkStore(new JdbcTemplate(db.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void aLinkIsFoundByItsTokenAndByItsIncidentAndNothingElseIsFound() {
        StatusLink.Issued issued = StatusLink.issue(new IncidentId("INC-1"), T0);
        StatusLink link = issued.link();
        store.save(link);
        store.save(StatusLink.issue(new IncidentId("INC-2"), T0.plusSeconds(1)).link());

        assertThat(store.find(issued.token())).contains(link);
        assertThat(store.ofIncident(new IncidentId("INC-1"))).contains(link);
        assertThat(StatusLink.looksLikeToken(issued.token())).as("22 characters of base64url").isTrue();
        assertThat(store.find("~".repeat(StatusLink.TOKEN_LENGTH))).isEmpty();
        assertThat(store.find(link.tokenHash())).as("the hash is no key: only the token opens the link").isEmpty();
        assertThat(store.ofIncident(new IncidentId("INC-3"))).isEmpty();
    }

    @Test
    void onlyTheTokensSha256IsKeptNeverTheToken() {
        StatusLink.Issued issued = StatusLink.issue(new IncidentId("INC-1"), T0);
        store.save(issued.link());

        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        assertThat(jdbc.queryForList("SELECT token_hash FROM status_link", String.class))
                .containsExactly("%064x".formatted(new java.math.BigInteger(1, sha256(issued.token()))));
        String everything = jdbc.queryForList("SELECT * FROM status_link").toString();
        assertThat(everything).as("no column holds the token").doesNotContain(issued.token());
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = 'status_link'", String.class)
                .stream().map(String::toLowerCase)).containsExactlyInAnyOrder("token_hash", "incident_id", "created_at");
    }

    @Test
    void aTokenIsNeverGivenTwice() {
        StatusLink link = StatusLink.issue(new IncidentId("INC-1"), T0).link();
        store.save(link);
        assertThatThrownBy(() -> store.save(new StatusLink(link.tokenHash(), new IncidentId("INC-2"), T0)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** A database an earlier release left with tokens in the clear: the upgrade hashes them and the links still open. */
    @Test
    void linksIssuedBeforeTheUpgradeStillOpenByTheirTokenAfterIt() {
        db.close();
        db = TestDatabase.createAt(kind(), "8");
        String token = StatusLink.issue(new IncidentId("INC-OLD"), T0).token();
        new JdbcTemplate(db.dataSource()).update("INSERT INTO status_link (token, incident_id, created_at) VALUES (?, 'INC-OLD', ?)", token,
                java.time.OffsetDateTime.ofInstant(T0, java.time.ZoneOffset.UTC));

        db.migrateToLatest();
        store = new JdbcStatusLinkStore(new JdbcTemplate(db.dataSource()));

        assertThat(store.find(token)).map(StatusLink::incident).contains(new IncidentId("INC-OLD"));
        assertThat(store.find(token)).map(StatusLink::tokenHash).contains(StatusLink.hash(token));
        assertThat(store.find(token)).map(StatusLink::createdAt).contains(T0);
        assertThat(new JdbcTemplate(db.dataSource()).queryForList("SELECT * FROM status_link").toString()).doesNotContain(token);
        assertThatThrownBy(() -> store.save(new StatusLink(StatusLink.hash(token), new IncidentId("INC-2"), T0)))
                .as("the hash is the key after the upgrade too").isInstanceOf(DataIntegrityViolationException.class);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
