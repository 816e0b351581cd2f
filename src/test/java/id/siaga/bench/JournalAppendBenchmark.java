package id.siaga.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.store.JdbcJournalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Durable journal appends through the real {@link Journal} and {@link JdbcJournalStore}, on PostgreSQL and
 * on H2, with production's writer settings (group commit of up to 1000, queue of 100 000).
 *
 * <ul>
 *   <li>{@code eventsOneThread} / {@code eventsFourThreads}: each operation appends {@value #BATCH} events
 *       from the benchmark thread and waits until every one is committed; JMH counts each event as an
 *       operation, so the score is events/s over all threads. Every event's append-to-commit latency
 *       (from just before {@code append} to the moment its future completes on the writer thread) is
 *       recorded during measurement iterations and printed as percentiles at the end of the trial, in a
 *       line starting {@code # append-to-commit}: that is the latency under saturating load.</li>
 *   <li>{@code latencyOneThread} / {@code latencyFourThreads}: one {@code append(...).join()} per
 *       operation, 1 or 4 threads each with one event in flight; JMH's percentiles are the
 *       append-to-commit latency when the journal is lightly loaded.</li>
 *   <li>{@code baselineAutocommitInsert}: plain JDBC, one single-row autocommit INSERT of the same row
 *       shape into the same table per operation: the cost of a commit per event.</li>
 *   <li>{@code baselineBatchInsert}: plain JDBC, {@value #BATCH} prepared rows in one JDBC batch and one
 *       transaction, exactly the SQL the store issues but without queue, JSON, hashing or futures: the
 *       ceiling the journal can approach.</li>
 * </ul>
 *
 * Each trial gets a fresh database: on PostgreSQL (127.0.0.1:5432, user postgres, trust) a database
 * {@code siaga_bench_<random>} created through {@code postgres} and dropped afterwards, on H2 a file
 * database in a temporary directory. Both are migrated by Flyway from {@code db/migration}.
 *
 * <p>Goal: ≥ 50 000 events/s on PostgreSQL. Run with {@code bench/jmh.sh JournalAppendBenchmark}.
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class JournalAppendBenchmark {

    static final int BATCH = 1000;
    /** Production defaults ({@code siaga.journal.*}). */
    static final int MAX_BATCH = 1000;
    static final int QUEUE_CAPACITY = 100_000;
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String INSERT = "INSERT INTO journal_event (seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash, node)"
            + " VALUES (?,?,?,?,?,?,?,?,?,'bench')";

    /** A typical routing event; Jackson writes it to canonical JSON on the appending thread. */
    public record CallRouted(String call, String station, String by, double accuracyMeters, int tier, int readyOperators) {
    }

    /** The database, the pool and the journal under test, one of each per trial. */
    @State(Scope.Benchmark)
    public static class Store {

        @Param({"postgres", "h2"})
        public String db;

        HikariDataSource dataSource;
        Journal journal;
        private String postgresDatabase;
        private Path directory;
        private String label;

        /** Seq numbers for the baselines, which bypass the journal. */
        final AtomicLong baselineSeq = new AtomicLong();
        /** Append-to-commit latencies, nanoseconds, of measurement iterations only. */
        final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        volatile boolean recording;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) throws Exception {
            label = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1) + " db=" + db
                    + " threads=" + params.getThreads();
            directory = Files.createTempDirectory("siaga-bench-journal-");
            HikariConfig pool = new HikariConfig();
            pool.setMaximumPoolSize(4);
            pool.setPoolName("bench-" + db);
            switch (db) {
                case "postgres" -> {
                    postgresDatabase = "siaga_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                    adminExecute("CREATE DATABASE " + postgresDatabase);
                    pool.setJdbcUrl(POSTGRES + postgresDatabase + "?reWriteBatchedInserts=true");
                    pool.setUsername("postgres");
                }
                case "h2" -> {
                    pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
                    pool.setUsername("sa");
                    pool.setPassword("");
                }
                default -> throw new IllegalArgumentException("db must be postgres or h2, got " + db);
            }
            dataSource = new HikariDataSource(pool);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            journal = new Journal(new JdbcJournalStore(dataSource), new JournalSpool(directory.resolve("journal-spool.jsonl")),
                    Clock.systemUTC(), MAX_BATCH, QUEUE_CAPACITY, RETRY_INTERVAL);
        }

        @Setup(Level.Iteration)
        public void iteration(IterationParams params) {
            recording = params.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            try {
                journal.close();
                if (journal.isSpooling()) {
                    throw new IllegalStateException("the journal spooled during the benchmark; its figures are not database figures");
                }
                printLatencies();
            } finally {
                dataSource.close();
                if (postgresDatabase != null) {
                    adminExecute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
                }
                deleteRecursively(directory);
            }
        }

        private void printLatencies() {
            int n = latencies.stream().mapToInt(a -> a.length).sum();
            if (n == 0) {
                return;
            }
            long[] all = new long[n];
            int at = 0;
            for (long[] part : latencies) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            Arrays.sort(all);
            System.out.printf(Locale.ROOT, "%n# append-to-commit %s: n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms%n",
                    label, n, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), ms(all, 0.999), all[n - 1] / 1e6);
        }

        private static double ms(long[] sorted, double quantile) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }

        private static void adminExecute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        private static void deleteRecursively(Path root) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + root, e);
            }
        }
    }

    /** One appending thread: its subject, its counter and its buffers for a batch. */
    @State(Scope.Thread)
    public static class Appender {
        private String subject;
        private long sent;
        private final long[] appendedAt = new long[BATCH];
        @SuppressWarnings("unchecked")
        private final CompletableFuture<Long>[] committedAt = new CompletableFuture[BATCH];

        @Setup(Level.Trial)
        public void name(ThreadParams thread) {
            subject = "bench-" + thread.getThreadIndex();
        }

        CompletableFuture<JournalEntry> appendOne(Journal journal) {
            long n = sent++;
            return journal.append("CallRouted", SubjectKind.CALL, subject + "-" + n, "bench",
                    new CallRouted(subject + "-" + n, "POLRES-3404", "PIDF-LO", 12.0, (int) (n % 3), 3));
        }

        /** Appends a batch, waits for every commit, and keeps each event's append-to-commit time. */
        void appendBatchAndWait(Store store) {
            Journal journal = store.journal;
            for (int i = 0; i < BATCH; i++) {
                appendedAt[i] = System.nanoTime();
                // runs on the writer thread as it completes the future (or here, if it already has)
                committedAt[i] = appendOne(journal).thenApply(entry -> System.nanoTime());
            }
            long[] latency = new long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                latency[i] = committedAt[i].join() - appendedAt[i];
            }
            if (store.recording) {
                store.latencies.add(latency);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Threads(1)
    public void eventsOneThread(Store store, Appender appender) {
        appender.appendBatchAndWait(store);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Threads(4)
    public void eventsFourThreads(Store store, Appender appender) {
        appender.appendBatchAndWait(store);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public JournalEntry latencyOneThread(Store store, Appender appender) {
        return appender.appendOne(store.journal).join();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(4)
    public JournalEntry latencyFourThreads(Store store, Appender appender) {
        return appender.appendOne(store.journal).join();
    }

    /** Rows shaped like journal entries, prepared once, so the baselines measure the database alone. */
    @State(Scope.Thread)
    public static class Rows {
        private final String payload = "{\"accuracyMeters\":12.0,\"by\":\"PIDF-LO\",\"call\":\"bench-0-0\",\"readyOperators\":3,"
                + "\"station\":\"POLRES-3404\",\"tier\":0}";
        private final String hash = "ab".repeat(32);

        void bind(PreparedStatement ps, long seq) throws SQLException {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            ps.setString(3, "CallRouted");
            ps.setString(4, SubjectKind.CALL.name());
            ps.setString(5, "bench-" + seq);
            ps.setString(6, "bench");
            ps.setString(7, payload);
            ps.setString(8, hash);
            ps.setString(9, hash);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public int baselineAutocommitInsert(Store store, Rows rows) throws SQLException {
        try (Connection c = store.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            rows.bind(ps, store.baselineSeq.incrementAndGet());
            return ps.executeUpdate();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    @Threads(1)
    public int[] baselineBatchInsert(Store store, Rows rows) throws SQLException {
        try (Connection c = store.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < BATCH; i++) {
                    rows.bind(ps, store.baselineSeq.incrementAndGet());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                c.commit();
                return counts;
            }
        }
    }
}
