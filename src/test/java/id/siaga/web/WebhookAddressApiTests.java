package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the production default (no inside addresses), an administrator cannot point a webhook at http, at this machine, at
 * the cloud metadata address or at the police's private network: each is a 400 problem+json saying why, and nothing is
 * stored. A subscriber stored while inside addresses were allowed is not enabled again once they are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookAddressApiTests {

    static final String ADMIN = Http.basic("admin", "siaga110");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:webhookaddressapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/webhookaddressapitests-spool.jsonl");
    }

    @Test
    void insideAddressesAndClearTextAreRefusedWithAReason() {
        Http http = new Http(port);
        String[][] refusals = {
                {"http://binmas.polri.example/hook", "https"},
                {"https://127.0.0.1:8080/api/admin/webhooks", "loopback"},
                {"https://localhost/hook", "loopback"},
                {"https://169.254.169.254/latest/meta-data/", "link-local"},
                {"https://10.20.30.40/hook", "private"},
                {"https://[fd12:3456::1]/hook", "unique-local"},
                {"https://224.0.0.251/hook", "multicast"}};
        for (String[] refusal : refusals) {
            Http.Response r = http.post("/api/admin/webhooks", """
                    {"name":"x","url":"%s","stations":["POLRES-3404"]}""".formatted(refusal[0]), "Authorization", ADMIN);
            assertThat(r.status()).as(refusal[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.json().path("detail").asString()).as(refusal[0]).contains(refusal[1]).doesNotContain("Exception");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_subscriber WHERE name = 'x'", Integer.class)).isZero();
    }

    @Test
    void aSubscriberOnAnInsideAddressIsNotEnabledAgain() {
        Http http = new Http(port);
        jdbc.update("""
                INSERT INTO webhook_subscriber (id, name, url, secret, event_types, station_ids, enabled, created_at, created_by)
                VALUES ('old-inside', 'Sistem lama', 'http://192.168.10.5/hook', 'abcdefghijklmnopqrstuvwxyz', '', 'POLRES-3404', FALSE,
                        CURRENT_TIMESTAMP, 'admin')""");
        Http.Response r = http.post("/api/admin/webhooks/old-inside/enable", "", "Authorization", ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("https");
        assertThat(jdbc.queryForObject("SELECT enabled FROM webhook_subscriber WHERE id = 'old-inside'", Boolean.class)).isFalse();
    }
}
