package id.siaga.web;

import id.siaga.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TextTo110Contract} on the {@code postgres} profile, in a PostgreSQL database of this run's own. */
@ActiveProfiles("postgres")
class TextTo110PostgresTests extends TextTo110Contract {

    static TestDatabase db;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        settings(registry);
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
        registry.add("spring.datasource.url", db::url);
        registry.add("siaga.journal.spool-file", () -> "target/texttopostgrestests-spool.jsonl");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }
}
