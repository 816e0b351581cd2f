package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationDirectory;
import id.siaga.security.ApiClientStore;
import id.siaga.security.CredentialStanding;
import id.siaga.security.ApiKeys;
import id.siaga.security.ContentSecurityPolicy;
import id.siaga.security.LoginThrottle;
import id.siaga.security.DemoUsers;
import id.siaga.security.StationScope;
import id.siaga.security.UserAccountDetailsService;
import id.siaga.security.UserAccountStore;
import id.siaga.security.UserAdministration;
import id.siaga.web.SocketStanding;
import id.siaga.store.JdbcApiClientStore;
import id.siaga.store.JdbcUserAccountStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BootstrapProperties.class)
class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder(AccessProperties access) {
        if (access.passwordHashCost() < AccessProperties.LEAST_PASSWORD_HASH_COST) {
            log.warn("passwords set from now on are hashed at BCrypt cost {}, below {}: weak, for the project's tests only "
                    + "(siaga.access.weak-password-hash-for-tests)", access.passwordHashCost(), AccessProperties.LEAST_PASSWORD_HASH_COST);
        }
        return new BCryptPasswordEncoder(access.passwordHashCost());
    }

    @Bean
    UserAccountStore userAccountStore(JdbcTemplate jdbc) {
        return new JdbcUserAccountStore(jdbc);
    }

    @Bean
    ApiClientStore apiClientStore(JdbcTemplate jdbc) {
        return new JdbcApiClientStore(jdbc);
    }

    @Bean
    CredentialStanding credentialStanding(UserAccountStore users, ApiClientStore clients) {
        return new CredentialStanding(users, clients);
    }

    /** The open WebSockets' credentials, checked again every {@code siaga.access.socket-recheck}. */
    @Bean
    SocketStanding socketStanding(CredentialStanding standing, AccessProperties access) {
        return new SocketStanding(standing, access.socketRecheck());
    }

    @Bean
    UserAccountDetailsService userDetailsService(UserAccountStore users) {
        return new UserAccountDetailsService(users);
    }

    @Bean
    ApiKeys apiKeys(ApiClientStore store, Clock clock) {
        return new ApiKeys(store, clock);
    }

    /**
     * Password logins' failure counts (see {@link AccessProperties}); every lock is logged and journalled, a user's under
     * the user ({@code LoginLocked}), an address's under the system ({@code LoginSourceLocked}, subject the address).
     */
    @Bean
    LoginThrottle loginThrottle(AccessProperties access, Clock clock, Journal journal) {
        return new LoginThrottle(access.loginLimitsPerUser(), access.loginLimitsPerSource(), access.loginTracked(), clock, lock -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("failures", lock.failures());
            facts.put("lockedUntil", lock.until().toString());
            facts.put("source", lock.source() == null ? "" : lock.source());
            if (lock.kind() == LoginThrottle.Kind.USER) {
                log.warn("login of {} locked until {} after {} failed attempts, the last from {}", lock.key(), lock.until(), lock.failures(),
                        lock.source());
                journal.append("LoginLocked", SubjectKind.USER, lock.key(), "system", facts);
            } else {
                facts.put("lastUsername", lock.username() == null ? "" : lock.username());
                log.warn("logins from {} locked until {} after {} failed attempts", lock.key(), lock.until(), lock.failures());
                journal.append("LoginSourceLocked", SubjectKind.SYSTEM, lock.key(), "system", facts);
            }
        });
    }

    /** The consoles' Content-Security-Policy, which lets the map's tiles in from their server when one is configured. */
    @Bean
    ContentSecurityPolicy contentSecurityPolicy(ConsoleProperties console) {
        try {
            return ContentSecurityPolicy.forConsoles(console.tileUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("siaga.console.tile-url: " + e.getMessage(), e);
        }
    }

    /** Accounts managed from the administration console; every change is journalled under the user, durably, before it is answered. */
    @Bean
    UserAdministration userAdministration(UserAccountStore users, StationDirectory stations, PasswordEncoder encoder, LoginThrottle throttle,
                                          Journal journal) {
        return new UserAdministration(users, stations, encoder, throttle, (type, username, actor, facts) ->
                Journal.awaitDurable(List.of(journal.append(type, SubjectKind.USER, username, actor, facts))));
    }

    @Bean
    StationScope stationScope(StationDirectory stations) {
        return new StationScope(stations);
    }

    /**
     * Before serving: seeds the users file (the demo's, when the demo region runs and no file is named), then makes the
     * first administrator when {@code siaga.bootstrap.admin} names one and the service has none.
     */
    @Bean
    ApplicationRunner seedUsers(AccessProperties access, BootstrapProperties bootstrap, OrgProperties org, ResourceLoader resources,
                                StationDirectory stations, UserAccountStore users, PasswordEncoder encoder, UserAdministration accounts) {
        return args -> {
            seed(access, org, resources, stations, users, encoder);
            new FirstAdministrator(accounts, System.out).make(bootstrap);
        };
    }

    private static void seed(AccessProperties access, OrgProperties org, ResourceLoader resources, StationDirectory stations,
                             UserAccountStore users, PasswordEncoder encoder) {
        String file = access.usersFile();
        if (file.isBlank() && org.dataset() == OrgProperties.Dataset.DEMO) {
            file = "classpath:demo/users.csv";
        }
        if (file.isBlank()) {
            return;
        }
        int created = SettingFiles.read(resources, "siaga.access.users-file", file,
                (r, source) -> DemoUsers.seed(r, source, stations.tree(), users, encoder));
        if (created > 0) {
            log.warn("seeded {} logins from {}; their passwords are published: never do this outside a demonstration", created, file);
        }
    }
}
