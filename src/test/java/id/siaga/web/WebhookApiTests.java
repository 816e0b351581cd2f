package id.siaga.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link WebhookApiContract} on the demo's database, H2. */
class WebhookApiTests extends WebhookApiContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        settings(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:webhookapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/webhookapitests-spool.jsonl");
    }
}
