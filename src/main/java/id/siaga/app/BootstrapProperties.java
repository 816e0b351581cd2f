package id.siaga.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of a new installation (the national configuration has no logins of its own). Refused, with a
 * log line, once the service has an enabled administrator: from then on accounts are made in the administration
 * console.
 *
 * @param admin     the first administrator's username, e.g. {@code admin.polri}; empty (the default) does nothing. The
 *                  account is an ADMIN at the root station (Mabes).
 * @param adminName the name shown for the account. "Administrator" by default; the administrator can change it.
 * @param password  the first password; best given as the environment variable {@code SIAGA_BOOTSTRAP_PASSWORD}, never on
 *                  the command line (shell history) or in a file. Empty (the default): a password is generated and printed
 *                  once on the console, not in the log. Either way it must be changed at the first login.
 */
@ConfigurationProperties("siaga.bootstrap")
public record BootstrapProperties(
        @DefaultValue("") String admin,
        @DefaultValue("Administrator") String adminName,
        @DefaultValue("") String password) {

    @Override
    public String toString() {
        return "BootstrapProperties[admin=" + admin + ", adminName=" + adminName + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
