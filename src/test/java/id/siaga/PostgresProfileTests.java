package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on the {@code postgres} profile, migrated by Flyway into a database of this run's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("postgres")
class PostgresProfileTests {

    static TestDatabase db;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
        registry.add("spring.datasource.url", db::url);
        registry.add("siaga.journal.spool-file", () -> "target/postgres-profile-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journal journal;

    @Test
    void runsOnPostgresqlWithTheDemoUsersAndAWorkingJournal() throws Exception {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        int migrations = resources.getResources("classpath*:db/migration/V*.sql").length
                + resources.getResources("classpath*:db/vendor/postgresql/V*.sql").length;
        assertThat(migrations).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
                .as("every migration applied").isEqualTo(migrations);
        long demoUsers;
        try (var in = getClass().getResourceAsStream("/demo/users.csv")) {
            demoUsers = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("username,")).count();
        }
        assertThat(demoUsers).isGreaterThan(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).as("every demo user seeded").isEqualTo(demoUsers);
        journal.append("SystemStarted", SubjectKind.SYSTEM, "node-1", "test", Map.of("profile", "postgres")).join();
        assertThat(journal.verify().isIntact()).isTrue();
    }
}
