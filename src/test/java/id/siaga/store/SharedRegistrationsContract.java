package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.registrar.Binding;
import id.siaga.telephony.registrar.ExpiryPolicy;
import id.siaga.telephony.registrar.RegisterOutcome;
import id.siaga.telephony.registrar.Registrar;
import id.siaga.telephony.registrar.RegistrationExpired;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes' registrars on one database, each with its own connections, as a cluster runs them: REGISTERs for one
 * position arriving at both at once are all kept, and a position whose registration lapsed is reported by exactly one
 * of them (so exactly one node takes it OFFLINE).
 */
abstract class SharedRegistrationsContract {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final ExpiryPolicy ROOMY = new ExpiryPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(7200), 100);

    TestDatabase db;
    HikariDataSource secondPool;
    Registrar nodeA;
    Registrar nodeB;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        secondPool = db.anotherPool("node-b");
        nodeA = new Registrar(ROOMY, new JdbcBindingStore(new JdbcTemplate(db.dataSource())));
        nodeB = new Registrar(ROOMY, new JdbcBindingStore(new JdbcTemplate(secondPool)));
    }

    @AfterEach
    void closeDatabase() {
        nodeA.close();
        nodeB.close();
        secondPool.close();
        db.close();
    }

    /** Runs each task on a thread of its own, all released at once; their results in order. */
    static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDeskPhoneAndASoftphoneRegisteringThroughTwoNodesAtOnceAreBothKept() throws Exception {
        int perNode = 25;
        List<Callable<List<String>>> phones = List.of(() -> registerMany(nodeA, "desk", perNode), () -> registerMany(nodeB, "soft", perNode));
        List<List<String>> accepted = together(phones);
        assertThat(accepted.get(0)).hasSize(perNode);
        assertThat(accepted.get(1)).hasSize(perNode);
        List<String> kept = nodeA.activeContacts("op-3404-1", T0.plusSeconds(1)).stream().map(Binding::contactUri).toList();
        assertThat(kept).as("every accepted binding is kept").containsExactlyInAnyOrderElementsOf(concat(accepted.get(0), accepted.get(1)));
        assertThat(nodeB.activeContacts("op-3404-1", T0.plusSeconds(1))).extracting(Binding::contactUri).containsExactlyElementsOf(kept);
    }

    /** One phone's REGISTERs (one Call-ID, CSeq counting up), sent alternately to two nodes and racing: the highest CSeq stays. */
    @Test
    void aPhoneRefreshingThroughBothNodesEndsWithItsLastRegister() throws Exception {
        String desk = "sip:op-3404-1@10.34.4.21:5060";
        int last = 200;
        List<Callable<Void>> refreshes = List.of(() -> refresh(nodeA, desk, 1, last), () -> refresh(nodeB, desk, 2, last));
        together(refreshes);
        assertThat(nodeA.activeContacts("op-3404-1", T0)).extracting(Binding::cseq).containsExactly((long) last);
    }

    @Test
    void aLapsedRegistrationIsReportedByOneNodeOnly() throws Exception {
        List<String> positions = new ArrayList<>();
        for (int k = 1; k <= 30; k++) {
            String aor = "op-34" + (10 + k) + "-1";
            positions.add(aor);
            Registrar through = k % 2 == 0 ? nodeA : nodeB;
            through.register(aor, "sip:" + aor + "@10.34.4." + k + ":5060", OptionalLong.of(60 + k), "boot-" + k, 1, T0);
        }
        List<RegistrationExpired> reported = new ArrayList<>();
        for (int second = 61; second <= 95; second += 2) {
            Instant now = T0.plusSeconds(second);
            List<Callable<List<RegistrationExpired>>> sweeps = List.of(() -> nodeA.expireUntil(now), () -> nodeB.expireUntil(now));
            together(sweeps).forEach(reported::addAll);
        }
        assertThat(reported).extracting(RegistrationExpired::aor).containsExactlyInAnyOrderElementsOf(positions);
        assertThat(reported).filteredOn(e -> e.aor().equals("op-3411-1")).containsExactly(new RegistrationExpired("op-3411-1", T0.plusSeconds(61)));
        assertThat(nodeA.expireUntil(T0.plusSeconds(10_000))).isEmpty();
    }

    private static List<String> registerMany(Registrar node, String device, int count) {
        List<String> accepted = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String contact = "sip:op-3404-1@" + device + "-" + k + ".polres-sleman.test:5060";
            RegisterOutcome outcome = node.register("op-3404-1", contact, OptionalLong.of(3600), device + "-" + k, 1, T0);
            if (outcome instanceof RegisterOutcome.Accepted) {
                accepted.add(contact);
            }
        }
        return accepted;
    }

    private static Void refresh(Registrar node, String contact, int first, int last) {
        for (int cseq = first; cseq <= last; cseq += 2) {
            node.register("op-3404-1", contact, OptionalLong.of(3600), "desk-boot", cseq, T0);
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
