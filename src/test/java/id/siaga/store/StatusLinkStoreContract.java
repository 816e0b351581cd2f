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

/** A citizen's status link is kept with its incident and found by its token alone, in each database. */
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
        StatusLink link = StatusLink.issue(new IncidentId("INC-1"), T0);
        store.save(link);
        store.save(StatusLink.issue(new IncidentId("INC-2"), T0.plusSeconds(1)));

        assertThat(store.find(link.token())).contains(link);
        assertThat(store.ofIncident(new IncidentId("INC-1"))).contains(link);
        assertThat(StatusLink.looksLikeToken(link.token())).as("22 characters of base64url").isTrue();
        assertThat(store.find("~".repeat(StatusLink.TOKEN_LENGTH))).isEmpty();
        assertThat(store.ofIncident(new IncidentId("INC-3"))).isEmpty();
    }

    @Test
    void aTokenIsNeverGivenTwice() {
        StatusLink link = StatusLink.issue(new IncidentId("INC-1"), T0);
        store.save(link);
        assertThatThrownBy(() -> store.save(new StatusLink(link.token(), new IncidentId("INC-2"), T0)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
