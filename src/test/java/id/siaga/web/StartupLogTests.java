package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first start, as its own process with the shipped settings (the embedded H2 file database, the SIP edge
 * on, the demo region, the drill): the log says what matters and nothing to worry about. The drill's SIP stack once
 * warned five times that TLS had no keys (the drill speaks UDP only), Flyway that the H2 version is newer than it knows,
 * springdoc that the API description is on by default (it is on on purpose), and the browser's request for
 * {@code /favicon.ico} got a 404.
 */
class StartupLogTests {

    @TempDir
    Path dir;

    @Test
    void aPlainStartLogsNoWarningFromTheSipStackOrFlywayAndServesAFavicon() {
        int http = ServerProcess.freePort();
        String database = "jdbc:h2:file:" + dir.resolve("siaga110").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (ServerProcess server = ServerProcess.start("startup-log", http, List.of(
                "--spring.datasource.url=" + database, "--siaga.drill.database-url=" + database,
                "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"),
                "--siaga.telephony.sip-port=" + ServerProcess.freePort(), "--siaga.tracking.osmand-port=0",
                "--siaga.tracking.mqtt.enabled=false", "--siaga.drill.enabled=true", "--siaga.drill.sip-port=" + ServerProcess.freePort()))) {
            List<String> warnings = server.logLines(" WARN ");
            assertThat(warnings).as("warnings at start\n" + server.output())
                    .noneMatch(l -> l.contains("javax.sip") || l.contains("gov.nist") || l.contains(" o.f.") || l.contains("Flyway")
                            || l.contains("SpringDoc"));
            assertThat(server.logLines("drill running")).as("the drill ran: its SIP stack started").isNotEmpty();

            Http.Bytes favicon = new Http(http).getBytes("/favicon.ico");
            assertThat(favicon.status()).isEqualTo(200);
            assertThat(favicon.header("Content-Type")).startsWith("image/");
        }
    }
}
