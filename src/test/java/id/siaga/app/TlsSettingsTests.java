package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.Siaga110Application;
import id.siaga.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * Issue 14: TLS asked for without a keystore, or on SIP's own port, stops the start with a message naming the key to
 * set (README, "Turning TLS on"), not later at the first call or the first fix.
 */
class TlsSettingsTests {

    @TempDir
    Path dir;

    @Test
    void sipOverTlsWithoutAKeystoreNamesTheSettings() {
        String why = startFailure("--siaga.telephony.sip-port=" + ServerProcess.freePort(), "--siaga.telephony.sip-tls-port=" + ServerProcess.freePort());
        assertThat(why).contains("siaga.telephony.sip-tls-bundle").contains("spring.ssl.bundle.jks.siaga.keystore.location");
    }

    @Test
    void sipOverTlsOnSipsOwnPortNamesTheSetting() {
        int port = ServerProcess.freePort();
        assertThat(startFailure("--siaga.telephony.sip-port=" + port, "--siaga.telephony.sip-tls-port=" + port)).contains("siaga.telephony.sip-tls-port");
    }

    @Test
    void theGpsDoorOverTlsWithoutAKeystoreNamesTheSettings() {
        String why = startFailure("--siaga.telephony.enabled=false", "--siaga.tracking.osmand-tls-bundle=gps");
        assertThat(why).contains("siaga.tracking.osmand-tls-bundle").contains("spring.ssl.bundle.jks.gps.keystore.location");
    }

    /** Every message of the cause chain of the failed start (the demo region, no web server), as the start-up log shows them. */
    private String startFailure(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:tlssettings" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--siaga.journal.spool-file=" + dir.resolve("spool.jsonl"), "--logging.level.root=OFF", "--siaga.tracking.mqtt.enabled=false",
                "--siaga.tracking.osmand-port=0"));
        args.addAll(List.of(settings));
        SpringApplication app = new SpringApplication(Siaga110Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try {
            app.run(args.toArray(String[]::new)).close();
        } catch (RuntimeException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                all.append(c.getMessage()).append(" | ");
            }
            return all.toString();
        }
        throw new AssertionError("the server started with " + List.of(settings));
    }
}
