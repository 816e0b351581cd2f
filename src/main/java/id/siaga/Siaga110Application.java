package id.siaga;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalVerification;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Siaga 110. Without arguments it serves: SIP, the API and the console. With {@code verify-journal} it
 * walks the journal's hash chain, prints the result and exits 0 when intact, 1 at the first broken entry.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Siaga110Application {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("verify-journal")) {
            System.exit(verifyJournal(args));
        }
        SpringApplication.run(Siaga110Application.class, args);
    }

    /** Runs the verification without web, SIP or seeding side effects; returns the process exit code. */
    public static int verifyJournal(String[] args) {
        SpringApplication app = new SpringApplication(Siaga110Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of("siaga.telephony.enabled", "false"));
        try (ConfigurableApplicationContext ctx = app.run(args)) {
            JournalVerification result = ctx.getBean(Journal.class).verify();
            System.out.println(result);
            return result.isIntact() ? 0 : 1;
        }
    }
}
