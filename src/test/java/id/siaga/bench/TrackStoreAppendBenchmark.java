package id.siaga.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.siaga.store.JdbcTrackStore;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Track history writes on PostgreSQL, one batch of {@value #BATCH} fixes (10,000 units, every column filled) per
 * operation into today's partition: {@code batch} is the JDBC batch with {@code reWriteBatchedInserts} (the
 * default), {@code copy} is {@code COPY ... FROM STDIN} through the driver's CopyManager
 * ({@code siaga.tracking.history-copy}). Scores are rows/s. Each trial creates and drops a database
 * {@code siaga_bench_<random>} on 127.0.0.1:5432. Run: {@code bench/jmh.sh TrackStoreAppendBenchmark}.
 */
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class TrackStoreAppendBenchmark {

    static final int BATCH = 1000;

    @State(Scope.Benchmark)
    public static class Store {
        @Param({"batch", "copy"})
        public String method;

        HikariDataSource dataSource;
        JdbcTrackStore store;
        String database;
        long next;

        @Setup(Level.Trial)
        public void open() throws Exception {
            database = "siaga_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            admin("CREATE DATABASE " + database);
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + database + "?reWriteBatchedInserts=true");
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(2);
            dataSource = new HikariDataSource(pool);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
            store = new JdbcTrackStore(dataSource, method.equals("copy"));
            store.prepareDays(LocalDate.now(ZoneOffset.UTC), 2);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            dataSource.close();
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }

        List<Position> batch() {
            List<Position> out = new ArrayList<>(BATCH);
            Instant base = Instant.now().minusSeconds(3600);
            for (int i = 0; i < BATCH; i++) {
                long n = next++;
                int unit = (int) (n % 10_000);
                Instant fix = base.plusMillis((n / 10_000) * 100);
                out.add(new Position("LOAD-" + unit, "load-" + unit, fix, -7.7 - unit * 1e-5, 110.3558, 10.0, 180.0, 110.0, 5.0, 80.0,
                        PositionSource.OSMAND_HTTP, fix.plusMillis(250)));
            }
            return out;
        }

        private static void admin(String sql) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void append(Store s) {
        s.store.append(s.batch());
    }
}
