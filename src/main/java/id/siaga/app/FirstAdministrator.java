package id.siaga.app;

import id.siaga.security.AccountConflictException;
import id.siaga.security.UserAdministration;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the first administrator named by {@code siaga.bootstrap.admin} ({@link BootstrapProperties}), once: when the
 * service has an enabled administrator already, it says so in the log and does nothing. A generated password goes to
 * the console only (never to the log file), shown this once.
 */
final class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAdministration accounts;
    private final PrintStream console;

    FirstAdministrator(UserAdministration accounts, PrintStream console) {
        this.accounts = accounts;
        this.console = console;
    }

    /** @return whether an administrator was made */
    boolean make(BootstrapProperties settings) {
        if (settings.admin().isBlank()) {
            return false;
        }
        Optional<UserAdministration.Issued> issued;
        try {
            issued = accounts.bootstrap(settings.admin().strip(), settings.adminName(), settings.password());
        } catch (IllegalArgumentException | AccountConflictException e) {
            throw new IllegalArgumentException("siaga.bootstrap.admin=" + settings.admin() + ": " + e.getMessage(), e);
        }
        if (issued.isEmpty()) {
            log.warn("siaga.bootstrap.admin={} refused: the service already has an administrator; make further accounts in the "
                    + "administration console (/admin/) and remove the setting", settings.admin());
            return false;
        }
        String username = issued.get().account().username();
        log.warn("first administrator {} created at {}; the password must be changed at the first login; remove siaga.bootstrap.admin",
                username, issued.get().account().station());
        String password = issued.get().temporaryPassword() == null ? "(the one given in SIAGA_BOOTSTRAP_PASSWORD)"
                : issued.get().temporaryPassword() + "   (shown this once)";
        console.println();
        console.println("==================================================================");
        console.println(" Siaga 110: first administrator created");
        console.println("   username: " + username);
        console.println("   password: " + password);
        console.println(" Log in at /login: you will be asked to choose your own password.");
        console.println("==================================================================");
        console.println();
        console.flush();
        return true;
    }
}
