package id.siaga.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.OperatorRoster;
import id.siaga.org.RolloutStatus;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationTree;
import id.siaga.org.StationsCsvReader;
import id.siaga.store.JdbcCallRecordStore;
import id.siaga.store.JdbcJournalStore;
import id.siaga.supervision.Board;
import id.siaga.supervision.SupervisionBoard;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one supervisor board costs Polda DIY on a busy day: {@code calls} finished calls since local midnight spread
 * over its five Polres, each with its journal story (offered, routed, rung, answered or abandoned, ended) and one in
 * five escalated (Polres → Polda, naming the operator who let it ring). {@code cold} builds the board with nothing
 * known (every finished call's journal read once: the first board after a restart); {@code warm} is the steady state
 * of a board refreshed every 10 s (records read, escalations of finished calls already known).
 * Run with {@code bench/jmh.sh -p db=postgres SupervisionBoardBenchmark}.
 */
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SupervisionBoardBenchmark {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String[] POLRES = {"POLRES-3471", "POLRES-3404", "POLRES-3402", "POLRES-3401", "POLRES-3403"};

    @State(Scope.Benchmark)
    public static class Day {

        @Param({"postgres", "h2"})
        public String db;
        @Param({"2000"})
        public int calls;

        HikariDataSource dataSource;
        Journal journal;
        JdbcCallRecordStore records;
        StationDirectory stations;
        OperatorRoster roster;
        SupervisionBoard warmBoard;
        private String postgresDatabase;
        private Path directory;

        @Setup(Level.Trial)
        public void open() throws Exception {
            directory = Files.createTempDirectory("siaga-bench-board-");
            HikariConfig pool = new HikariConfig();
            pool.setMaximumPoolSize(4);
            if (db.equals("postgres")) {
                postgresDatabase = "siaga_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                admin("CREATE DATABASE " + postgresDatabase);
                pool.setJdbcUrl(POSTGRES + postgresDatabase + "?reWriteBatchedInserts=true");
                pool.setUsername("postgres");
            } else {
                pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
                pool.setUsername("sa");
                pool.setPassword("");
            }
            dataSource = new HikariDataSource(pool);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            journal = new Journal(new JdbcJournalStore(dataSource), new JournalSpool(directory.resolve("spool.jsonl")), Clock.systemUTC(),
                    1000, 100_000, Duration.ofSeconds(1));
            records = new JdbcCallRecordStore(new JdbcTemplate(dataSource));
            StationTree tree;
            try (Reader r = demo("stations.csv")) {
                tree = StationsCsvReader.read(r, "demo/stations.csv");
            }
            stations = new StationDirectory(tree, new NoStatusChanges(), Clock.systemUTC());
            try (Reader r = demo("operators.csv")) {
                roster = OperatorRoster.read(r, "demo/operators.csv", tree);
            }
            fillTheDay();
            warmBoard = new SupervisionBoard(stations, roster, records, journal, (s, from) -> new id.siaga.supervision.IncidentTimes.Read(List.of(), false), Clock.systemUTC());
            warmBoard.figures(StationId.of("POLDA-DIY"), List.of());
        }

        /** Today's calls, offered between local midnight (WIB) and a minute ago. */
        private void fillTheDay() {
            Random random = new Random(110);
            Instant now = Instant.now();
            Instant midnight = now.atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant();
            long span = Math.max(60_000, Duration.between(midnight, now.minusSeconds(60)).toMillis());
            List<CompletableFuture<?>> written = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                CallId id = CallId.random();
                String station = POLRES[i % POLRES.length];
                Instant offered = midnight.plusMillis((long) (random.nextDouble() * span));
                boolean abandoned = random.nextInt(10) == 0;
                boolean escalated = !abandoned && random.nextInt(5) == 0;
                double ring = escalated ? 10 + random.nextInt(10) : random.nextDouble() * 12;
                Instant answered = abandoned ? null : offered.plusMillis((long) (ring * 1000));
                Instant ended = (abandoned ? offered.plusSeconds(8) : answered.plusSeconds(90));
                String operator = "OP-" + station.substring(7) + "-1";
                String id$ = id.value();
                written.add(journal.append("CallOffered", SubjectKind.CALL, id$, "network", Map.of("caller", "+62812" + i, "dialled", "110")));
                written.add(journal.append("CallRouted", SubjectKind.CALL, id$, "routing", Map.of("station", station, "tier", 0)));
                written.add(journal.append("LegRang", SubjectKind.CALL, id$, "routing", Map.of("operator", operator, "station", station, "tier", 0)));
                if (escalated) {
                    written.add(journal.append("CallEscalated", SubjectKind.CALL, id$, "routing", Map.of("from", station, "to", "POLDA-DIY",
                            "tier", 1, "reason", "TIMEOUT", "missed", List.of(operator))));
                }
                written.add(journal.append(abandoned ? "CallAbandoned" : "CallEnded", SubjectKind.CALL, id$, "caller", Map.of("tier", 0)));
                records.save(new CallRecord(id, "+62812" + i, "110", station, offered, answered, ended,
                        abandoned ? CallRecord.Outcome.ABANDONED : CallRecord.Outcome.ANSWERED, abandoned ? null : operator,
                        abandoned ? null : (escalated ? "POLDA-DIY" : station), abandoned ? null : (escalated ? 1 : 0), "caller", "NONE", null, null));
            }
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            journal.close();
            dataSource.close();
            if (postgresDatabase != null) {
                admin("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        private static Reader demo(String file) {
            return new InputStreamReader(SupervisionBoardBenchmark.class.getResourceAsStream("/demo/" + file), StandardCharsets.UTF_8);
        }

        private static void admin(String sql) throws Exception {
            try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    static final class NoStatusChanges implements StationStatusStore {
        @Override
        public Map<StationId, RolloutStatus> all() {
            return Map.of();
        }

        @Override
        public void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
        }
    }

    /** The steady state: the board every 10 s, finished calls' escalations already known. */
    @Benchmark
    public Board warm(Day day) {
        return day.warmBoard.figures(StationId.of("POLDA-DIY"), List.of());
    }

    /** The first board after a start: one journal read per finished call. */
    @Benchmark
    public Board cold(Day day) {
        return new SupervisionBoard(day.stations, day.roster, day.records, day.journal, (s, from) -> new id.siaga.supervision.IncidentTimes.Read(List.of(), false), Clock.systemUTC()).figures(StationId.of("POLDA-DIY"), List.of());
    }
}
