package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivatePostgres;
import id.siaga.support.ServerProcess;
import id.siaga.support.TestDatabase;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every GPS fix answered 200 is in the track history, whatever happens to the server after the answer. The server
 * runs as its own process on PostgreSQL with four patrol units of Polres Sleman, whose trackers send OsmAnd requests
 * one after another, resending a fix that got 503 as the OsmAnd app does. It is killed ({@code kill -9}) while they
 * send, once with the database up and once after the database host was lost; after PostgreSQL and the server are back,
 * each fix that was answered 200 is in {@code unit_position}, once.
 */
class FixSurvivalTests {

    static final int TRACKERS = 4;

    @TempDir
    Path dir;

    /** A fix a tracker was answered 200 for: its device and fix time (epoch seconds). */
    record Acknowledged(String device, long fixSecond) {
    }

    /** Trackers sending one request after another until told to stop or the server goes away. */
    final class Trackers implements AutoCloseable {
        final Set<Acknowledged> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();
        final long firstSecond = System.currentTimeMillis() / 1000 - 3600;

        Trackers(int osmandPort, int trackers, int fixesEach) {
            for (int t = 0; t < trackers; t++) {
                String device = "fix-survival-" + t;
                Thread thread = new Thread(() -> send(osmandPort, device, fixesEach), "tracker-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        private void send(int port, String device, int fixes) {
            try (RawHttp http = new RawHttp(port)) {
                for (int i = 0; i < fixes && !stop.get(); i++) {
                    long second = firstSecond + i;
                    byte[] request = ("GET /?id=" + device + "&lat=-7.7156&lon=110.3558&timestamp=" + second + "&speed=0 HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    int status = http.send(request).status();
                    while (status == 503 && !stop.get()) { // the OsmAnd app keeps a fix until it is taken
                        Thread.sleep(100);
                        status = http.send(request).status();
                    }
                    if (status == 200) {
                        acknowledged.add(new Acknowledged(device, second));
                    } else if (status != 503) {
                        throw new AssertionError(device + " fix " + i + " answered " + status);
                    }
                }
            } catch (UncheckedIOException gone) {
                // the server was killed under this tracker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitAcknowledged(int count, ServerProcess server) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (acknowledged.size() < count) {
                assertThat(System.nanoTime()).as("%d fixes acknowledged within a minute, %d were\n%s", count, acknowledged.size(),
                        server.output()).isLessThan(deadline);
                sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    private List<String> args(String jdbcUrl, int osmandPort) throws Exception {
        Path units = dir.resolve("units.csv");
        StringBuilder csv = new StringBuilder("id,call_sign,kind,station,devices,members\n");
        for (int t = 0; t < TRACKERS; t++) {
            csv.append("SURV-").append(t).append(",Patroli ").append(t).append(",PATROL_CAR,POLRES-3404,fix-survival-").append(t).append(",\n");
        }
        Files.writeString(units, csv);
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--siaga.telephony.enabled=false", "--siaga.tracking.mqtt.enabled=false", "--siaga.tracking.osmand-address=127.0.0.1",
                "--siaga.tracking.osmand-port=" + osmandPort, "--siaga.dispatch.units-file=file:" + units.toAbsolutePath(),
                "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"));
    }

    /** How many rows each acknowledged fix has in the track history. */
    static Map<Acknowledged, Integer> stored(String jdbcUrl) {
        Map<Acknowledged, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT device_id, CAST(EXTRACT(EPOCH FROM fix_time) AS BIGINT) FROM unit_position")) {
            while (rs.next()) {
                rows.merge(new Acknowledged(rs.getString(1), rs.getLong(2)), 1, Integer::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    static void assertEachStoredOnce(Set<Acknowledged> acknowledged, String jdbcUrl, ServerProcess server) {
        long deadline = System.nanoTime() + 30_000_000_000L; // a spool is replayed right after the start
        Map<Acknowledged, Integer> found = stored(jdbcUrl);
        while (!found.keySet().containsAll(acknowledged) && System.nanoTime() < deadline) {
            sleep(200);
            found = stored(jdbcUrl);
        }
        Map<Acknowledged, Integer> rows = found;
        List<Acknowledged> missing = acknowledged.stream().filter(a -> !rows.containsKey(a)).toList();
        assertThat(missing).as("of %d fixes answered 200\n%s", acknowledged.size(), server.output()).isEmpty();
        assertThat(rows.values()).as("one row per fix").allMatch(n -> n == 1);
    }

    @Test
    void everyFixAnswered200UnderLoadIsInTheHistoryAfterAKill() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRES)) {
            int httpPort = ServerProcess.freePort();
            int osmandPort = ServerProcess.freePort();
            List<String> args = args(db.url(), osmandPort);
            Set<Acknowledged> acknowledged;
            try (ServerProcess first = ServerProcess.start("fix-survival-kill", httpPort, args);
                 Trackers trackers = new Trackers(osmandPort, TRACKERS, 3000)) {
                trackers.awaitAcknowledged(1000, first);
                first.kill(); // mid-load: every tracker has a request in flight
                trackers.close();
                acknowledged = Set.copyOf(trackers.acknowledged);
            }
            try (ServerProcess second = ServerProcess.start("fix-survival-kill-restart", httpPort, args)) {
                assertEachStoredOnce(acknowledged, db.url(), second);
            }
        }
    }

    @Test
    void fixesAnswered200WhileTheDatabaseIsDownSurviveAKillAndReachItWhenItReturns() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start()) {
            int httpPort = ServerProcess.freePort();
            int osmandPort = ServerProcess.freePort();
            List<String> args = args(pg.jdbcUrl(), osmandPort);
            Set<Acknowledged> acknowledged;
            try (ServerProcess first = ServerProcess.start("fix-survival-outage", httpPort, args)) {
                pg.stop(); // the database host is lost
                try (Trackers trackers = new Trackers(osmandPort, 2, 25)) {
                    trackers.awaitAcknowledged(50, first);
                    acknowledged = Set.copyOf(trackers.acknowledged);
                }
                first.kill();
            }
            pg.startServer();
            try (ServerProcess second = ServerProcess.start("fix-survival-outage-restart", httpPort, args)) {
                assertEachStoredOnce(acknowledged, pg.jdbcUrl(), second);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
