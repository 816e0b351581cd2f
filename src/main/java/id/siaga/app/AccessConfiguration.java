package id.siaga.app;

import id.siaga.org.StationDirectory;
import id.siaga.security.ApiClientStore;
import id.siaga.security.ApiKeys;
import id.siaga.security.DemoUsers;
import id.siaga.security.StationScope;
import id.siaga.security.UserAccountDetailsService;
import id.siaga.security.UserAccountStore;
import id.siaga.store.JdbcApiClientStore;
import id.siaga.store.JdbcUserAccountStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
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
    UserAccountDetailsService userDetailsService(UserAccountStore users) {
        return new UserAccountDetailsService(users);
    }

    @Bean
    ApiKeys apiKeys(ApiClientStore store, Clock clock) {
        return new ApiKeys(store, clock);
    }

    @Bean
    StationScope stationScope(StationDirectory stations) {
        return new StationScope(stations);
    }

    /** Seeds the users file (the demo's, when the demo region runs and no file is named) before serving. */
    @Bean
    ApplicationRunner seedUsers(AccessProperties access, OrgProperties org, ResourceLoader resources, StationDirectory stations,
                                UserAccountStore users, PasswordEncoder encoder) {
        return args -> {
            String file = access.usersFile();
            if (file.isBlank() && org.dataset() == OrgProperties.Dataset.DEMO) {
                file = "classpath:demo/users.csv";
            }
            if (file.isBlank()) {
                return;
            }
            int created = OrgConfiguration.read(resources, file, (r, source) -> DemoUsers.seed(r, source, stations.tree(), users, encoder));
            if (created > 0) {
                log.warn("seeded {} logins from {}; their passwords are published: never do this outside a demonstration", created, file);
            }
        };
    }
}
