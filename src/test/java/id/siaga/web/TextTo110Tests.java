package id.siaga.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TextTo110Contract} on the demo's database, H2. */
class TextTo110Tests extends TextTo110Contract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        settings(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:texttotests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/texttotests-spool.jsonl");
    }
}
