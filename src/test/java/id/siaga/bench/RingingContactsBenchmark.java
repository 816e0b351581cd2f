package id.siaga.bench;

import id.siaga.store.JdbcBindingStore;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.registrar.Binding;
import id.siaga.telephony.registrar.ExpiryPolicy;
import id.siaga.telephony.registrar.Registrar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * What ringing pays to learn where a position's phone is, per phone rung ({@code Registrar.contactsToRing}, which
 * {@code OperatorPhones.contactsFor} calls for every leg), over {@value #POSITIONS} registered positions taken in turn:
 *
 * <ul>
 *   <li>{@code inMemoryMap}: the registrar before issue 17, a {@code ConcurrentHashMap} of each position's bindings in
 *       one node's memory, filtered by time (the baseline);</li>
 *   <li>{@code sharedStore} with {@code freshForMillis=0}: every ring reads the database (PostgreSQL on 127.0.0.1:5432 or
 *       H2), on the registrar's reader thread with the wait bounded;</li>
 *   <li>{@code sharedStore} with {@code freshForMillis=1000} (the default, {@code siaga.telephony.registrations-fresh-for}):
 *       a position rung again within a second uses what the node read; with {@value #POSITIONS} positions rung in turn
 *       much faster than that, this is the remembered path.</li>
 * </ul>
 *
 * Each trial gets a database of its own ({@code TestDatabase}: created on PostgreSQL and dropped, or an H2 file). Run:
 * {@code bench/jmh.sh RingingContactsBenchmark}.
 */
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RingingContactsBenchmark {

    static final int POSITIONS = 200;
    static final Instant REGISTERED = Instant.now();

    static String aor(int k) {
        return "op-bench-" + k;
    }

    static List<Binding> bindingsOf(int k) {
        return List.of(new Binding(aor(k), "sip:" + aor(k) + "@10.34.4." + (k % 250) + ":5060", REGISTERED.plusSeconds(7200), "desk-" + k, 1),
                new Binding(aor(k), "sip:" + aor(k) + "@10.34.5." + (k % 250) + ":52044;transport=tcp", REGISTERED.plusSeconds(3600), "soft-" + k, 1));
    }

    /** The registrar before issue 17: the bindings in one node's memory. */
    @State(Scope.Benchmark)
    public static class OldMap {
        final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();
        int next;

        @Setup(Level.Trial)
        public void fill() {
            for (int k = 0; k < POSITIONS; k++) {
                bindings.put(aor(k), bindingsOf(k));
            }
        }

        List<Binding> activeContacts(String aor, Instant now) {
            return bindings.getOrDefault(aor, List.of()).stream().filter(b -> b.activeAt(now)).toList();
        }
    }

    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"postgres", "h2"})
        public String db;

        @Param({"0", "1000"})
        public long freshForMillis;

        TestDatabase database;
        Registrar registrar;
        int next;

        @Setup(Level.Trial)
        public void open() {
            database = TestDatabase.create("postgres".equals(db) ? TestDatabase.Kind.POSTGRES : TestDatabase.Kind.H2);
            JdbcBindingStore store = new JdbcBindingStore(new JdbcTemplate(database.dataSource()));
            try (Registrar writer = new Registrar(ExpiryPolicy.DEFAULT, store)) {
                for (int k = 0; k < POSITIONS; k++) {
                    writer.register(aor(k), "sip:" + aor(k) + "@10.34.4." + (k % 250) + ":5060", OptionalLong.of(7200), "desk-" + k, 1, REGISTERED);
                    writer.register(aor(k), "sip:" + aor(k) + "@10.34.5." + (k % 250) + ":52044;transport=tcp", OptionalLong.of(3600), "soft-" + k, 1,
                            REGISTERED);
                }
            }
            registrar = new Registrar(ExpiryPolicy.DEFAULT, store, Duration.ofMillis(freshForMillis), Duration.ofMillis(250));
        }

        @TearDown(Level.Trial)
        public void close() {
            registrar.close();
            database.close();
        }
    }

    @Benchmark
    public List<Binding> inMemoryMap(OldMap old) {
        old.next = (old.next + 1) % POSITIONS;
        return old.activeContacts(aor(old.next), Instant.now());
    }

    @Benchmark
    public List<Binding> sharedStore(Shared shared) {
        shared.next = (shared.next + 1) % POSITIONS;
        List<Binding> contacts = shared.registrar.contactsToRing(aor(shared.next), Instant.now());
        if (contacts.size() != 2) {
            throw new IllegalStateException("position " + aor(shared.next) + " rings " + contacts);
        }
        return contacts;
    }
}
