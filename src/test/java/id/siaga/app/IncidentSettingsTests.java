package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.Siaga110Application;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** The duplicate settings have sane defaults, and a wrong one stops the service at start naming its key. */
class IncidentSettingsTests {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAre500MetresAnd30Minutes() {
        IncidentProperties defaults = new IncidentProperties(500, Duration.ofMinutes(30));
        assertThat(defaults.duplicateDistance()).isEqualTo(500);
        assertThat(defaults.duplicateWindow()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aBadSettingNamesTheKey() {
        assertThat(start("--siaga.incident.duplicate-distance=0")).hasMessageContaining("siaga.incident.duplicate-distance");
        assertThat(start("--siaga.incident.duplicate-window=-5m")).hasMessageContaining("siaga.incident.duplicate-window");
        assertThatThrownBy(() -> new IncidentProperties(500, Duration.ofDays(2))).hasMessageContaining("siaga.incident.duplicate-window");
        assertThatThrownBy(() -> new IncidentProperties(Double.NaN, Duration.ofMinutes(30)))
                .hasMessageContaining("siaga.incident.duplicate-distance");
    }

    /** Starts the demo service with one setting; every message of the failure, as the start-up log shows them. */
    private Throwable start(String setting) {
        SpringApplication app = new SpringApplication(Siaga110Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try {
            app.run("--spring.datasource.url=jdbc:h2:mem:incidentsettings" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "--siaga.journal.spool-file=" + dir.resolve("spool.jsonl"), "--siaga.telephony.enabled=false", "--logging.level.root=OFF",
                    setting).close();
            return new IllegalStateException("started with " + setting);
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                all.append(c.getMessage()).append(" | ");
            }
            return new IllegalStateException(all.toString());
        }
    }
}
