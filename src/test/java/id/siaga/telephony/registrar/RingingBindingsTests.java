package id.siaga.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of Polda DIY share the registrations: a phone registered through node A is rung by node B, which reads the
 * database at most once a second per position, and keeps ringing what it last read while the database is away.
 */
class RingingBindingsTests {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final String AOR = "op-3404-1";
    static final String DESK = "sip:op-3404-1@10.34.4.21:5060";
    static final String SOFT = "sip:op-3404-1@10.34.4.77:52044;transport=tcp";

    final AwayBindingStore database = new AwayBindingStore();
    final Registrar nodeA = new Registrar(ExpiryPolicy.DEFAULT, database, Duration.ofSeconds(1), Duration.ofSeconds(30));
    final Registrar nodeB = new Registrar(ExpiryPolicy.DEFAULT, database, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void aPhoneRegisteredThroughNodeAIsRungByNodeBOnceWhatBReadIsNoLongerFresh() {
        assertThat(nodeB.contactsToRing(AOR, T0)).isEmpty();
        nodeA.register(AOR, DESK, OptionalLong.of(600), "boot-1", 1, at(0.2));
        assertThat(nodeA.contactsToRing(AOR, at(0.2))).as("node A saw its own REGISTER").extracting(Binding::contactUri).containsExactly(DESK);
        assertThat(nodeB.contactsToRing(AOR, at(0.9))).as("node B's read is still fresh").isEmpty();
        assertThat(database.reads()).isEqualTo(1);
        assertThat(nodeB.contactsToRing(AOR, at(1.0))).extracting(Binding::contactUri).containsExactly(DESK);
        assertThat(nodeB.contactsToRing(AOR, at(1.5))).extracting(Binding::contactUri).containsExactly(DESK);
        assertThat(database.reads()).as("one read per position per second").isEqualTo(2);
    }

    @Test
    void whileTheDatabaseIsAwayNodeBRingsWhatItLastReadAsLongAsItIsInForce() {
        nodeA.register(AOR, DESK, OptionalLong.of(600), "desk", 1, T0);
        nodeA.register(AOR, SOFT, OptionalLong.of(60), "soft", 1, T0);
        assertThat(nodeB.contactsToRing(AOR, at(1))).extracting(Binding::contactUri).containsExactly(DESK, SOFT);

        database.goAway();
        assertThat(nodeB.contactsToRing(AOR, at(30))).extracting(Binding::contactUri).containsExactly(DESK, SOFT);
        int triedOnce = database.reads();
        assertThat(nodeB.contactsToRing(AOR, at(40))).extracting(Binding::contactUri).containsExactly(DESK, SOFT);
        assertThat(database.reads()).as("no second try while the database is away").isEqualTo(triedOnce);
        assertThat(nodeB.contactsToRing(AOR, at(61))).as("the soft phone's registration ran out meanwhile").extracting(Binding::contactUri)
                .containsExactly(DESK);
        assertThat(nodeB.contactsToRing("op-3404-2", at(61))).as("a position node B never read").isEmpty();
        assertThatThrownBy(() -> nodeB.expireUntil(at(62))).isInstanceOf(BindingStore.Unavailable.class);

        database.comeBack();
        assertThat(nodeB.contactsToRing(AOR, at(63))).as("not asked again until the database answers the registrar").extracting(Binding::contactUri)
                .containsExactly(DESK);
        assertThat(database.reads()).isEqualTo(triedOnce);
        assertThat(nodeB.expireUntil(at(64))).isEmpty(); // the sweep every few seconds finds the database back
        nodeA.register(AOR, SOFT, OptionalLong.of(600), "soft", 2, at(64));
        assertThat(nodeB.contactsToRing(AOR, at(65))).extracting(Binding::contactUri).containsExactly(DESK, SOFT);
        assertThat(database.reads()).isEqualTo(triedOnce + 1);
    }

    @Test
    void aRegisterThatCannotBeStoredIsNotAcceptedAndChangesNothing() {
        nodeA.register(AOR, DESK, OptionalLong.of(600), "desk", 1, T0);
        database.goAway();
        assertThatThrownBy(() -> nodeA.register(AOR, DESK, OptionalLong.of(0), "desk", 2, at(5))).isInstanceOf(BindingStore.Unavailable.class);
        assertThat(nodeA.contactsToRing(AOR, at(10))).as("the sign-off was not applied").extracting(Binding::contactUri).containsExactly(DESK);
        database.comeBack();
        assertThat(nodeA.activeContacts(AOR, at(10))).extracting(Binding::contactUri).containsExactly(DESK);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsWaitedForOnlyBriefly() throws Exception {
        // the wait is long enough for an answering database on a loaded machine; a held one never answers within it
        try (Registrar impatient = new Registrar(ExpiryPolicy.DEFAULT, database, Duration.ZERO, Duration.ofSeconds(2))) {
            nodeA.register(AOR, DESK, OptionalLong.of(600), "desk", 1, T0);
            assertThat(impatient.contactsToRing(AOR, at(1))).extracting(Binding::contactUri).containsExactly(DESK);
            database.awaitFinishedRead();

            database.hold();
            assertThat(impatient.contactsToRing(AOR, at(2))).as("what it last read, without waiting for the database")
                    .extracting(Binding::contactUri).containsExactly(DESK);
            int reads = database.reads();
            nodeA.register(AOR, SOFT, OptionalLong.of(600), "soft", 1, at(3));
            assertThat(impatient.contactsToRing(AOR, at(4))).as("not asked again while its read hangs").extracting(Binding::contactUri)
                    .containsExactly(DESK);
            assertThat(database.reads()).isEqualTo(reads);

            database.release();
            database.awaitFinishedRead(); // the late answer tells ringing the database is back
            assertThat(impatient.contactsToRing(AOR, at(5))).extracting(Binding::contactUri).containsExactly(DESK, SOFT);
        }
    }

    @Test
    void aLapseIsReportedByOneNodeOnly() {
        nodeA.register(AOR, DESK, OptionalLong.of(60), "desk", 1, T0);
        assertThat(nodeB.expireUntil(at(61))).containsExactly(new RegistrationExpired(AOR, at(60)));
        assertThat(nodeA.expireUntil(at(62))).isEmpty();
    }
}
