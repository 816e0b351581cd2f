package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.RolloutStatus;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationsCsvReader;
import id.siaga.security.LoginLimits;
import id.siaga.security.LoginThrottle;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import id.siaga.security.UserAdministration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The first administrator of a new installation: made once at Mabes with a password printed once on the console (or
 * the one given), journalled, and refused with nothing changed once an enabled administrator exists.
 */
class FirstAdministratorTests {

    final Map<String, UserAccount> accounts = new TreeMap<>();
    final List<String> journal = new ArrayList<>();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    final FirstAdministrator first = new FirstAdministrator(administration(), new PrintStream(console, true, StandardCharsets.UTF_8));

    UserAdministration administration() {
        UserAccountStore store = new UserAccountStore() {
            public Optional<UserAccount> find(String username) {
                return Optional.ofNullable(accounts.get(username));
            }

            public List<UserAccount> all() {
                return List.copyOf(accounts.values());
            }

            public void save(UserAccount account) {
                accounts.put(account.username(), account);
            }

            public long count() {
                return accounts.size();
            }
        };
        StationStatusStore statuses = new StationStatusStore() {
            public Map<StationId, RolloutStatus> all() {
                return Map.of();
            }

            public void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
            }
        };
        StationDirectory stations = new StationDirectory(StationsCsvReader.read(new StringReader(StartupValidationTests.STATIONS), "stations.csv"),
                statuses, Clock.systemUTC());
        LoginLimits limits = new LoginLimits(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofMinutes(15), Duration.ofMinutes(15));
        LoginThrottle throttle = new LoginThrottle(limits, limits, 100, Clock.systemUTC(), lock -> { });
        return new UserAdministration(store, stations, encoder, throttle, (type, username, actor, facts) ->
                journal.add(type + " " + username + " by " + actor + " " + new TreeMap<>(facts)));
    }

    @Test
    void theFirstAdministratorGetsAPasswordPrintedOnceAndMustChangeIt() {
        assertThat(first.make(new BootstrapProperties("admin.polri", "Kombes Pol Admin", ""))).isTrue();

        UserAccount made = accounts.get("admin.polri");
        assertThat(made.roles()).containsExactly(Role.ADMIN);
        assertThat(made.station()).isEqualTo(StationId.of("MABES"));
        assertThat(made.displayName()).isEqualTo("Kombes Pol Admin");
        assertThat(made.mustChangePassword()).isTrue();
        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher password = Pattern.compile("password: (\\S{4}-\\S{4}-\\S{4}) {3}\\(shown this once\\)").matcher(printed);
        assertThat(password.find()).as(printed).isTrue();
        assertThat(encoder.matches(password.group(1), made.passwordHash())).isTrue();
        assertThat(printed).contains("username: admin.polri");
        assertThat(journal).containsExactly("AdministratorBootstrapped admin.polri by system {displayName=Kombes Pol Admin, enabled=true, "
                + "passwordGenerated=true, roles=ADMIN, station=MABES}");
    }

    @Test
    void onceAnAdministratorExistsTheSettingIsRefusedAndNothingChanges() {
        accounts.put("admin", new UserAccount("admin", "Kompol Arif", encoder.encode("lama-sekali-1"), Set.of(Role.ADMIN),
                StationId.of("MABES"), true));

        assertThat(first.make(new BootstrapProperties("admin.polri", "Administrator", ""))).isFalse();
        assertThat(accounts).containsOnlyKeys("admin");
        assertThat(console.size()).isZero();
        assertThat(journal).isEmpty();
        assertThat(first.make(new BootstrapProperties("", "Administrator", ""))).as("no setting").isFalse();
    }

    @Test
    void aGivenPasswordIsKeptButMustStillBeChangedAndABadOneOrUsernameNamesTheSetting() {
        assertThatThrownBy(() -> first.make(new BootstrapProperties("admin.polri", "Administrator", "pendek")))
                .hasMessage("siaga.bootstrap.admin=admin.polri: the password must be at least 10 characters long");
        assertThatThrownBy(() -> first.make(new BootstrapProperties("Admin Polri", "Administrator", "")))
                .hasMessageStartingWith("siaga.bootstrap.admin=Admin Polri: username must be 3 to 64 lower-case letters");
        assertThat(accounts).isEmpty();

        assertThat(first.make(new BootstrapProperties("admin.polri", "Administrator", "Rahasia-Pertama-110"))).isTrue();
        assertThat(encoder.matches("Rahasia-Pertama-110", accounts.get("admin.polri").passwordHash())).isTrue();
        assertThat(accounts.get("admin.polri").mustChangePassword()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("Rahasia-Pertama-110").contains("SIAGA_BOOTSTRAP_PASSWORD");
    }
}
