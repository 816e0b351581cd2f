package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.siaga.cluster.NodeStore;
import id.siaga.support.PrivatePostgres;
import id.siaga.support.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A node renews its lease while its database host stops answering without closing the connection (a private PostgreSQL
 * frozen with SIGSTOP: the socket stays open, nothing comes back). The renewal fails after the node store's network
 * timeout instead of waiting on the socket for the kernel's retransmission timeout (about 15 minutes), so the node's next
 * heartbeat starts afresh; once the host answers again the lease is renewed.
 */
class NodeStoreStallTests {

    @Test
    void aRenewalOnADatabaseThatStopsAnsweringFailsAfterTheNetworkTimeoutAndTheNextOneGoesThroughOnceItIsBack() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start(); HikariDataSource pool = pool(pg)) {
            Flyway.configure().dataSource(pool).locations(TestDatabase.migrationLocations(TestDatabase.Kind.POSTGRES)).load().migrate();
            JdbcNodeStore store = new JdbcNodeStore(pool, Duration.ofSeconds(1));
            try (NodeStore.Lock lock = store.lock("siaga-1")) {
                lock.take("inc-1", "sip 127.0.0.1:5060");
                lock.commit();
            }
            assertThat(store.heartbeat("siaga-1", "inc-1")).isTrue();

            pg.freeze();
            try {
                CompletableFuture<Boolean> renewal = CompletableFuture.supplyAsync(() -> store.heartbeat("siaga-1", "inc-1"));
                // far longer than the timeout, far shorter than the socket's own: a renewal still waiting now would wait ~15 min
                assertThatThrownBy(() -> renewal.get(60, TimeUnit.SECONDS)).as("the renewal fails instead of hanging")
                        .isInstanceOf(ExecutionException.class);
                CompletableFuture<NodeStore.Leases> read = CompletableFuture.supplyAsync(store::all);
                assertThatThrownBy(() -> read.get(60, TimeUnit.SECONDS)).as("a read of the leases as well").isInstanceOf(ExecutionException.class);
            } finally {
                pg.thaw();
            }
            assertThat(store.heartbeat("siaga-1", "inc-1")).as("renewed once the database answers again").isTrue();
        }
    }

    private static HikariDataSource pool(PrivatePostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setPoolName("node-store-stall");
        return new HikariDataSource(config);
    }
}
