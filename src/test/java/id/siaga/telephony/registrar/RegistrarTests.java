package id.siaga.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.telephony.registrar.RegisterOutcome.Accepted;
import id.siaga.telephony.registrar.RegisterOutcome.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Position phones register, refresh, sign off and vanish; the registrar keeps count with literal instants. */
class RegistrarTests {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final String AOR = "op-3404-1";
    static final String DESK = "sip:op-3404-1@10.34.4.21:5060;transport=udp";
    static final String SOFT = "sip:op-3404-1@10.34.4.77:52044;transport=tcp";

    Registrar registrar;

    /** The store the rules run over: in memory here; the database in {@code RegistrarOnH2Tests} and {@code RegistrarOnPostgresTests}. */
    BindingStore openStore() {
        return new InMemoryBindingStore();
    }

    void closeStore() {
    }

    /** REGISTERs per thread and position in the concurrency story (fewer on a database: each is a transaction). */
    int concurrentRounds() {
        return 1000;
    }

    @BeforeEach
    void openRegistrar() {
        registrar = new Registrar(ExpiryPolicy.DEFAULT, openStore());
    }

    @AfterEach
    void closeRegistrar() {
        registrar.close();
        closeStore();
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static OptionalLong expires(long seconds) {
        return OptionalLong.of(seconds);
    }

    static Accepted accepted(RegisterOutcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        return (Accepted) outcome;
    }

    @Test
    void aPhoneRegistersWithTheDefaultExpiryAndIsListedWithTheTimeLeft() {
        Accepted a = accepted(registrar.register(AOR, DESK, OptionalLong.empty(), "call-1@10.34.4.21", 1, T0));
        assertThat(a.transition()).isEqualTo(Transition.REGISTERED);
        assertThat(a.bindings()).containsExactly(new Binding(AOR, DESK, at(3600), "call-1@10.34.4.21", 1));
        assertThat(registrar.isRegistered(AOR, at(3599))).isTrue();
        assertThat(registrar.activeContacts(AOR, at(1000)).get(0).expiresSecondsAt(at(1000))).isEqualTo(2600);
        assertThat(registrar.activeContacts(AOR, T0.plusMillis(1500)).get(0).expiresSecondsAt(T0.plusMillis(1500))).isEqualTo(3599);
        assertThat(registrar.isRegistered(AOR, at(3600))).isFalse();
        assertThat(registrar.activeContacts(AOR, at(3600))).isEmpty();
        assertThat(registrar.isRegistered("op-3404-2", T0)).isFalse();
    }

    @Test
    void aRefreshExtendsTheBindingWithoutAPresenceChange() {
        registrar.register(AOR, DESK, expires(600), "c1", 1, T0);
        Accepted a = accepted(registrar.register(AOR, DESK, expires(600), "c1", 2, at(500)));
        assertThat(a.transition()).isEqualTo(Transition.UNCHANGED);
        assertThat(a.bindings()).containsExactly(new Binding(AOR, DESK, at(1100), "c1", 2));
    }

    @Test
    void tooShortAnExpiryGets423AndChangesNothing() {
        RegisterOutcome o = registrar.register(AOR, DESK, expires(30), "c1", 1, T0);
        assertThat(o).isEqualTo(new RegisterOutcome.IntervalTooBrief(Duration.ofSeconds(60)));
        assertThat(registrar.isRegistered(AOR, T0)).isFalse();
        assertThat(accepted(registrar.register(AOR, DESK, expires(60), "c1", 2, T0)).bindings().get(0).expiresAt()).isEqualTo(at(60));
    }

    @Test
    void tooLongAnExpiryIsCutToTheMaximum() {
        assertThat(accepted(registrar.register(AOR, DESK, expires(86_400), "c1", 1, T0)).bindings().get(0).expiresAt()).isEqualTo(at(7200));
        assertThat(accepted(registrar.register(AOR, DESK, expires(4_294_967_295L), "c1", 2, T0)).bindings().get(0).expiresAt())
                .isEqualTo(at(7200));
    }

    @Test
    void theContactsOwnExpiresBeatsTheExpiresHeader() {
        Accepted a = accepted(registrar.register(AOR, List.of(RequestedContact.of(DESK, 120), RequestedContact.of(SOFT)), expires(900), "c1", 1,
                T0));
        assertThat(a.bindings()).extracting(Binding::expiresAt).containsExactly(at(120), at(900));
    }

    @Test
    void expiresZeroRemovesTheBindingAndThePhoneSignsOff() {
        registrar.register(AOR, DESK, expires(3600), "c1", 1, T0);
        Accepted a = accepted(registrar.register(AOR, DESK, expires(0), "c1", 2, at(10)));
        assertThat(a.transition()).isEqualTo(Transition.UNREGISTERED);
        assertThat(a.bindings()).isEmpty();
        assertThat(registrar.isRegistered(AOR, at(10))).isFalse();
        assertThat(registrar.expireUntil(at(10_000))).as("a sign-off is not reported again as an expiry").isEmpty();

        Accepted nothing = accepted(registrar.register(AOR, SOFT, expires(0), "c9", 1, at(20)));
        assertThat(nothing.transition()).isEqualTo(Transition.UNCHANGED);
        assertThat(nothing.bindings()).isEmpty();
    }

    @Test
    void severalContactsPerPositionAreKeptApart() {
        registrar.register(AOR, DESK, expires(3600), "desk-call", 1, T0);
        Accepted a = accepted(registrar.register(AOR, SOFT, expires(300), "soft-call", 1, at(5)));
        assertThat(a.transition()).isEqualTo(Transition.UNCHANGED);
        assertThat(registrar.activeContacts(AOR, at(10))).extracting(Binding::contactUri).containsExactly(DESK, SOFT);
        assertThat(registrar.activeContacts(AOR, at(400))).extracting(Binding::contactUri).containsExactly(DESK);

        Accepted deskGone = accepted(registrar.register(AOR, DESK, expires(0), "desk-call", 2, at(20)));
        assertThat(deskGone.transition()).isEqualTo(Transition.UNCHANGED);
        assertThat(deskGone.bindings()).extracting(Binding::contactUri).containsExactly(SOFT);
    }

    @Test
    void theWildcardWithExpiresZeroRemovesEveryBinding() {
        registrar.register(AOR, DESK, expires(3600), "desk-call", 7, T0);
        registrar.register(AOR, SOFT, expires(3600), "soft-call", 1, T0);
        Accepted a = accepted(registrar.register(AOR, "*", expires(0), "desk-call", 8, at(60)));
        assertThat(a.transition()).isEqualTo(Transition.UNREGISTERED);
        assertThat(a.bindings()).isEmpty();
        assertThat(registrar.isRegistered(AOR, at(60))).isFalse();
    }

    @Test
    void theWildcardMustStandAloneWithExpiresZero() {
        registrar.register(AOR, DESK, expires(3600), "c1", 1, T0);
        assertThat(registrar.register(AOR, "*", expires(3600), "c1", 2, T0)).isInstanceOf(RegisterOutcome.Invalid.class);
        assertThat(registrar.register(AOR, "*", OptionalLong.empty(), "c1", 2, T0)).isInstanceOf(RegisterOutcome.Invalid.class);
        assertThat(registrar.register(AOR, List.of(RequestedContact.of("*"), RequestedContact.of(SOFT)), expires(0), "c1", 2, T0))
                .isInstanceOf(RegisterOutcome.Invalid.class);
        assertThat(registrar.isRegistered(AOR, T0)).isTrue();
    }

    @Test
    void anOutOfOrderCseqForTheSameCallIdIsIgnored() {
        registrar.register(AOR, DESK, expires(3600), "c1", 5, T0);
        assertThat(registrar.register(AOR, DESK, expires(0), "c1", 4, at(1))).isInstanceOf(RegisterOutcome.OutOfOrder.class);
        assertThat(registrar.register(AOR, DESK, expires(60), "c1", 5, at(2))).isInstanceOf(RegisterOutcome.OutOfOrder.class);
        assertThat(registrar.register(AOR, "*", expires(0), "c1", 3, at(3))).isInstanceOf(RegisterOutcome.OutOfOrder.class);
        assertThat(registrar.activeContacts(AOR, at(3))).containsExactly(new Binding(AOR, DESK, at(3600), "c1", 5));
    }

    @Test
    void aRebootedPhoneWithANewCallIdMayStartItsCseqAgain() {
        registrar.register(AOR, DESK, expires(3600), "before-reboot", 900, T0);
        Accepted a = accepted(registrar.register(AOR, DESK, expires(3600), "after-reboot", 1, at(100)));
        assertThat(a.bindings()).containsExactly(new Binding(AOR, DESK, at(3700), "after-reboot", 1));
    }

    @Test
    void aRegisterIsAppliedWholeOrNotAtAll() {
        registrar.register(AOR, DESK, expires(3600), "c1", 5, T0);
        assertThat(registrar.register(AOR, List.of(RequestedContact.of(SOFT, 600), RequestedContact.of(DESK, 30)), OptionalLong.empty(),
                "c1", 6, at(1))).isInstanceOf(RegisterOutcome.IntervalTooBrief.class);
        assertThat(registrar.register(AOR, List.of(RequestedContact.of(SOFT, 600), RequestedContact.of(DESK, 600)), OptionalLong.empty(),
                "c1", 4, at(1))).isInstanceOf(RegisterOutcome.OutOfOrder.class);
        assertThat(registrar.activeContacts(AOR, at(1))).containsExactly(new Binding(AOR, DESK, at(3600), "c1", 5));
    }

    @Test
    void aContactListedTwiceInOneRequestTakesTheLastExpiry() {
        Accepted a = accepted(registrar.register(AOR, List.of(RequestedContact.of(DESK, 600), RequestedContact.of(DESK, 900)),
                OptionalLong.empty(), "c1", 1, T0));
        assertThat(a.bindings()).containsExactly(new Binding(AOR, DESK, at(900), "c1", 1));
    }

    @Test
    void aPositionMayNotHoldMoreThanItsShareOfContacts() {
        for (int k = 1; k <= 5; k++) {
            accepted(registrar.register(AOR, "sip:op-3404-1@10.34.4." + k, expires(3600), "c" + k, 1, T0));
        }
        assertThat(registrar.register(AOR, "sip:op-3404-1@10.34.4.6", expires(3600), "c6", 1, T0))
                .isEqualTo(new RegisterOutcome.TooManyContacts(5));
        accepted(registrar.register(AOR, "sip:op-3404-1@10.34.4.1", expires(3600), "c1", 2, at(1)));
        assertThat(registrar.activeContacts(AOR, at(1))).hasSize(5);
    }

    @Test
    void invalidValuesAreRefusedNotStored() {
        assertThat(registrar.register(AOR, DESK, expires(-5), "c1", 1, T0)).isInstanceOf(RegisterOutcome.Invalid.class);
        assertThat(registrar.register(AOR, " ", expires(60), "c1", 1, T0)).isInstanceOf(RegisterOutcome.Invalid.class);
        assertThat(registrar.isRegistered(AOR, T0)).isFalse();
    }

    @Test
    void expiriesAreReportedOncePerPositionWhenItsLastBindingLapses() {
        registrar.register("op-3404-1", DESK, expires(600), "a", 1, T0);
        registrar.register("op-3404-1", SOFT, expires(900), "b", 1, T0);
        registrar.register("op-3404-2", "sip:op-3404-2@10.34.4.22", expires(300), "c", 1, T0);
        registrar.register("op-3471-1", "sip:op-3471-1@10.71.0.5", expires(3600), "d", 1, T0);

        assertThat(registrar.expireUntil(at(299))).isEmpty();
        assertThat(registrar.expireUntil(at(700))).containsExactly(new RegistrationExpired("op-3404-2", at(300)));
        assertThat(registrar.activeContacts("op-3404-1", at(700))).extracting(Binding::contactUri).containsExactly(SOFT);
        assertThat(registrar.expireUntil(at(700))).isEmpty();
        assertThat(registrar.expireUntil(at(5000))).containsExactly(new RegistrationExpired("op-3404-1", at(900)),
                new RegistrationExpired("op-3471-1", at(3600)));
        assertThat(registrar.expireUntil(at(9000))).isEmpty();
    }

    @Test
    void aPhoneBackBeforeTheSweepIsNeverReportedGone() {
        registrar.register(AOR, DESK, expires(60), "c1", 1, T0);
        assertThat(registrar.isRegistered(AOR, at(90))).isFalse();
        Accepted back = accepted(registrar.register(AOR, DESK, expires(3600), "c2", 1, at(90)));
        assertThat(back.transition()).as("presence never saw it go").isEqualTo(Transition.UNCHANGED);
        assertThat(registrar.expireUntil(at(100))).isEmpty();
    }

    @Test
    void aSignOffAfterTheBindingLapsedUnsweptStillReportsTheSignOff() {
        registrar.register(AOR, DESK, expires(60), "c1", 1, T0);
        Accepted off = accepted(registrar.register(AOR, DESK, expires(0), "c1", 2, at(90)));
        assertThat(off.transition()).isEqualTo(Transition.UNREGISTERED);
        assertThat(registrar.expireUntil(at(100))).isEmpty();
    }

    @Test
    void concurrentRefreshesLeaveTheHighestCseq() throws Exception {
        int last = 4 * concurrentRounds();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int lane = t;
                jobs.add(pool.submit(() -> {
                    for (int cseq = 1 + lane; cseq <= last; cseq += 4) {
                        registrar.register(AOR, DESK, expires(3600), "c1", cseq, T0);
                        registrar.register("op-3404-" + (2 + lane), SOFT, expires(3600), "c" + lane, cseq, T0);
                        registrar.expireUntil(T0);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(registrar.activeContacts(AOR, T0)).containsExactly(new Binding(AOR, DESK, at(3600), "c1", last));
        for (int lane = 0; lane < 4; lane++) {
            assertThat(registrar.activeContacts("op-3404-" + (2 + lane), T0)).extracting(Binding::cseq).containsExactly(last - 3L + lane);
        }
    }

    @Test
    void aPolicyThatContradictsItselfIsRefusedAtStart() {
        assertThatThrownBy(() -> new ExpiryPolicy(Duration.ofSeconds(600), Duration.ofSeconds(300), Duration.ofSeconds(7200), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min <= default <= max");
        assertThatThrownBy(() -> new ExpiryPolicy(Duration.ZERO, Duration.ofSeconds(300), Duration.ofSeconds(7200), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryPolicy(Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofSeconds(7200), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
