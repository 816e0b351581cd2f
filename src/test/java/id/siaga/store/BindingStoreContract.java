package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.telephony.registrar.Binding;
import id.siaga.telephony.registrar.BindingStore;
import id.siaga.telephony.registrar.BindingStore.Update;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the registrar needs of a binding store, whatever keeps it: lists per position in the registrar's order, changes
 * applied whole or not at all, the positions with a lapsed binding, and changes from two stores on one database (two
 * nodes) applied one after the other, so neither is lost.
 */
abstract class BindingStoreContract {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final String AOR = "op-3404-1";
    static final String DESK = "sip:op-3404-1@10.34.4.21:5060;transport=udp";
    static final String SOFT = "sip:op-3404-1@10.34.4.77:52044;transport=tcp";

    BindingStore store;

    /** A store over a fresh, empty database. */
    abstract BindingStore openStore();

    /** A second store over the same database, as another node has: its own connections, the same rows. */
    abstract BindingStore secondStore();

    abstract void closeStores();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        closeStores();
    }

    static Binding binding(String aor, String contact, Instant expiresAt, String callId, long cseq) {
        return new Binding(aor, contact, expiresAt, callId, cseq);
    }

    @Test
    void aPositionThatNeverRegisteredHasNoBindings() {
        assertThat(store.bindingsOf(AOR)).isEmpty();
        assertThat(store.withLapsedBindings(T0)).isEmpty();
        assertThat(store.<List<Binding>>change(AOR, stored -> Update.keep(stored))).as("a change sees the empty list").isEmpty();
        assertThat(store.bindingsOf(AOR)).isEmpty();
    }

    @Test
    void replacedBindingsComeBackInTheirOrderWithEveryFieldToTheMicrosecond() {
        List<Binding> three = List.of(binding(AOR, SOFT, T0.plusSeconds(3600).plusNanos(123_456_000), "soft-call@10.34.4.77", 4_294_967_295L),
                binding(AOR, DESK, T0.plusSeconds(60), "desk-call", 1),
                binding(AOR, "sip:op-3404-1@[2001:db8::21]:5060", T0.minusSeconds(5), "v6-call", 17));
        assertThat(store.<String>change(AOR, stored -> Update.replace(three, "stored " + stored.size()))).isEqualTo("stored 0");
        assertThat(store.bindingsOf(AOR)).containsExactlyElementsOf(three);
        assertThat(store.<List<Binding>>change(AOR, stored -> Update.keep(stored))).as("the next change sees the same list").containsExactlyElementsOf(three);
        assertThat(secondStore().bindingsOf(AOR)).as("so does another node").containsExactlyElementsOf(three);
    }

    @Test
    void keepingChangesNothingAndAnEmptyReplacementRemovesEverything() {
        List<Binding> one = List.of(binding(AOR, DESK, T0.plusSeconds(600), "c1", 5));
        store.change(AOR, stored -> Update.replace(one, null));
        store.change(AOR, stored -> Update.keep(null));
        assertThat(store.bindingsOf(AOR)).containsExactlyElementsOf(one);
        store.change(AOR, stored -> Update.replace(List.of(), null));
        assertThat(store.bindingsOf(AOR)).isEmpty();
        assertThat(store.withLapsedBindings(T0.plusSeconds(10_000))).isEmpty();
        store.change(AOR, stored -> Update.replace(List.of(binding(AOR, SOFT, T0.plusSeconds(60), "c2", 1)), null));
        assertThat(store.bindingsOf(AOR)).extracting(Binding::contactUri).containsExactly(SOFT);
    }

    @Test
    void positionsAreKeptApart() {
        store.change(AOR, stored -> Update.replace(List.of(binding(AOR, DESK, T0.plusSeconds(600), "c1", 1)), null));
        store.change("op-3404-2", stored -> Update.replace(List.of(binding("op-3404-2", "sip:op-3404-2@10.34.4.22", T0.plusSeconds(600), "c2", 1)),
                null));
        store.change(AOR, stored -> Update.replace(List.of(), null));
        assertThat(store.bindingsOf(AOR)).isEmpty();
        assertThat(store.bindingsOf("op-3404-2")).extracting(Binding::contactUri).containsExactly("sip:op-3404-2@10.34.4.22");
    }

    @Test
    void thePositionsWithALapsedBindingAreListedOnceEach() {
        store.change("op-3404-1", s -> Update.replace(List.of(binding("op-3404-1", DESK, T0.plusSeconds(60), "a", 1),
                binding("op-3404-1", SOFT, T0.plusSeconds(120), "b", 1)), null));
        store.change("op-3404-2", s -> Update.replace(List.of(binding("op-3404-2", DESK, T0.plusSeconds(600), "c", 1)), null));
        store.change("op-3471-1", s -> Update.replace(List.of(binding("op-3471-1", DESK, T0.plusSeconds(30), "d", 1),
                binding("op-3471-1", SOFT, T0.plusSeconds(40), "e", 1)), null));

        assertThat(store.withLapsedBindings(T0.plusSeconds(29))).isEmpty();
        assertThat(store.withLapsedBindings(T0.plusSeconds(30))).as("a binding is lapsed at its expiry").containsExactly("op-3471-1");
        assertThat(store.withLapsedBindings(T0.plusSeconds(90))).containsExactlyInAnyOrder("op-3404-1", "op-3471-1");
        assertThat(store.withLapsedBindings(T0.plusSeconds(600))).containsExactlyInAnyOrder("op-3404-1", "op-3404-2", "op-3471-1");
        assertThat(store.bindingsOf("op-3471-1")).as("listing removes nothing").hasSize(2);
    }

    @Test
    void aChangeThatFailsLeavesTheBindingsAsTheyWere() {
        List<Binding> one = List.of(binding(AOR, DESK, T0.plusSeconds(600), "c1", 5));
        store.change(AOR, stored -> Update.replace(one, null));
        assertThatThrownBy(() -> store.change(AOR, stored -> {
            throw new IllegalStateException("the rule failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the rule failed");
        assertThatThrownBy(() -> store.change("op-3404-2", stored -> {
            throw new IllegalStateException("the rule failed on a first REGISTER");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.bindingsOf(AOR)).containsExactlyElementsOf(one);
        assertThat(store.bindingsOf("op-3404-2")).isEmpty();
        store.change(AOR, stored -> Update.replace(List.of(), null));
        assertThat(store.bindingsOf(AOR)).isEmpty();
    }

    /**
     * Two nodes read-modify-write the same positions at once, from their first REGISTER on: each change adds one binding
     * to what it read. Applied one after the other, every one of them is kept; interleaved, some would be lost.
     */
    @Test
    void changesFromTwoNodesToOnePositionAreAppliedOneAfterTheOther() throws Exception {
        BindingStore other = secondStore();
        List<String> aors = List.of("op-3404-1", "op-3404-2", "op-3471-1");
        int perNode = 60;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> nodes = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                BindingStore node = name.equals("a") ? store : other;
                nodes.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < perNode; k++) {
                        for (String aor : aors) {
                            Binding added = binding(aor, "sip:" + aor + "@node-" + name + ".test:" + (5000 + k), T0.plusSeconds(600), name + k, 1);
                            node.change(aor, stored -> {
                                List<Binding> next = new ArrayList<>(stored);
                                next.add(added);
                                return Update.replace(next, null);
                            });
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : nodes) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String aor : aors) {
            List<Binding> kept = store.bindingsOf(aor);
            assertThat(kept).as(aor).hasSize(2 * perNode);
            assertThat(kept.stream().filter(b -> b.callId().startsWith("a")).map(Binding::callId))
                    .as("each node's changes in the order it made them").containsExactly(numbered("a", perNode));
            assertThat(kept.stream().filter(b -> b.callId().startsWith("b")).map(Binding::callId)).containsExactly(numbered("b", perNode));
        }
    }

    private static String[] numbered(String prefix, int n) {
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
            names[k] = prefix + k;
        }
        return names;
    }
}
