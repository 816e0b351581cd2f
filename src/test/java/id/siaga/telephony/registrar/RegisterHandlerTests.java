package id.siaga.telephony.registrar;

import id.siaga.support.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.OperatorId;
import id.siaga.telephony.registrar.RegisterOutcome.Accepted;
import id.siaga.telephony.registrar.RegisterOutcome.Transition;
import id.siaga.telephony.registrar.RegisterReply.Challenge;
import id.siaga.telephony.registrar.RegisterReply.Registration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Polres Sleman's first position boots its desk phone, stays registered through a shift, and signs off;
 * a colleague's phone cannot take its calls, and a PBX extension never registers.
 */
class RegisterHandlerTests {

    static final String REALM = "siaga110.polri.go.id";
    static final String URI = "sip:" + REALM;
    static final String DESK = "sip:op-3404-1@10.34.4.21:5060";
    static final OperatorId SLEMAN_1 = new OperatorId("OP-SLEMAN-1");
    static final OperatorId SLEMAN_2 = new OperatorId("OP-SLEMAN-2");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T00:00:00Z"));
    final Registrar registrar = new Registrar(ExpiryPolicy.DEFAULT, new InMemoryBindingStore());
    final OperatorPhones phones = new OperatorPhones(Map.of(
            SLEMAN_1, new OperatorPhone.Registering("op-3404-1", DigestCredential.password("rahasia-1")),
            SLEMAN_2, new OperatorPhone.Registering("op-3404-2", DigestCredential.password("rahasia-2")),
            new OperatorId("OP-SLEMAN-PBX"), new OperatorPhone.Static("sip:2002@pbx.polres-sleman.local")), registrar);
    final RegisterHandler handler = new RegisterHandler(REALM,
            new DigestAuthenticator("shared by every node of Polda DIY".getBytes(StandardCharsets.UTF_8), clock), phones, registrar, clock);

    final DigestClient desk = new DigestClient("op-3404-1", "rahasia-1");

    RegisterRequest register(String aor, Optional<String> authorization, long expires, long cseq) {
        return new RegisterRequest(aor, authorization, List.of(RequestedContact.of(DESK)), OptionalLong.of(expires), "boot-1@10.34.4.21", cseq);
    }

    String challengeValue(RegisterReply reply) {
        assertThat(reply).isInstanceOf(Challenge.class);
        return ((Challenge) reply).challenge().headerValue();
    }

    @Test
    void aShiftOfRegistrations() {
        // Boot: the first REGISTER carries no credentials and is challenged.
        String c = challengeValue(handler.handle(register("op-3404-1", Optional.empty(), 3600, 1)));

        // The phone answers; it is now reachable and presence learns it came online.
        RegisterReply ok = handler.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 1, "a1")), 3600, 2));
        assertThat(ok).isInstanceOf(Registration.class);
        Registration r = (Registration) ok;
        assertThat(r.operator()).isEqualTo(SLEMAN_1);
        assertThat(r.outcome()).isInstanceOf(Accepted.class);
        assertThat(((Accepted) r.outcome()).transition()).isEqualTo(Transition.REGISTERED);
        assertThat(phones.contactsFor(SLEMAN_1, clock.instant())).containsExactly(DESK);

        // Within the nonce's life the phone refreshes with the next count.
        clock.advance(Duration.ofMinutes(4));
        RegisterReply refresh = handler.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 2, "a2")), 3600, 3));
        assertThat(((Accepted) ((Registration) refresh).outcome()).transition()).isEqualTo(Transition.UNCHANGED);

        // An hour on, the old nonce is stale: the phone is re-challenged with stale=true and answers at once.
        clock.advance(Duration.ofMinutes(55));
        RegisterReply stale = handler.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 3, "a3")), 3600, 4));
        assertThat(((Challenge) stale).refused()).isEmpty();
        String fresh = challengeValue(stale);
        assertThat(fresh).contains("stale=true");
        assertThat(handler.handle(register("op-3404-1", Optional.of(desk.answer(fresh, "REGISTER", URI, 1, "a4")), 3600, 5)))
                .isInstanceOf(Registration.class);

        // A query lists the binding without changing it.
        RegisterReply query = handler.handle(new RegisterRequest("op-3404-1", Optional.of(desk.answer(fresh, "REGISTER", URI, 2, "a5")),
                List.of(), OptionalLong.empty(), "boot-1@10.34.4.21", 6));
        assertThat(((Accepted) ((Registration) query).outcome()).bindings()).extracting(Binding::contactUri).containsExactly(DESK);

        // End of shift: the phone signs off.
        RegisterReply off = handler.handle(register("op-3404-1", Optional.of(desk.answer(fresh, "REGISTER", URI, 3, "a6")), 0, 7));
        assertThat(((Accepted) ((Registration) off).outcome()).transition()).isEqualTo(Transition.UNREGISTERED);
        assertThat(phones.reachable(SLEMAN_1, clock.instant())).isFalse();
    }

    @Test
    void aColleagueCannotRegisterAnotherPositionsAddress() {
        String c = challengeValue(handler.handle(register("op-3404-1", Optional.empty(), 3600, 1)));
        DigestClient colleague = new DigestClient("op-3404-2", "rahasia-2");
        RegisterReply reply = handler.handle(register("op-3404-1", Optional.of(colleague.answer(c, "REGISTER", URI, 1, "x")), 3600, 2));
        assertThat(reply).isInstanceOf(RegisterReply.Forbidden.class);
        assertThat(((RegisterReply.Forbidden) reply).reason()).contains("op-3404-2").contains("op-3404-1");
        assertThat(registrar.isRegistered("op-3404-1", clock.instant())).isFalse();
    }

    @Test
    void aWrongPasswordIsChallengedAgainWithTheReasonForTheLog() {
        String c = challengeValue(handler.handle(register("op-3404-1", Optional.empty(), 3600, 1)));
        RegisterReply reply = handler.handle(register("op-3404-1",
                Optional.of(new DigestClient("op-3404-1", "salah").answer(c, "REGISTER", URI, 1, "x")), 3600, 2));
        assertThat(((Challenge) reply).challenge().stale()).isFalse();
        assertThat(((Challenge) reply).refused()).map(DigestVerdict.Failed::reason).contains(DigestVerdict.Reason.WRONG_RESPONSE);
    }

    @Test
    void aStaticExtensionHasNoCredentialsToRegisterWith() {
        String c = challengeValue(handler.handle(register("2002", Optional.empty(), 3600, 1)));
        RegisterReply reply = handler.handle(register("2002", Optional.of(new DigestClient("2002", "guess").answer(c, "REGISTER", URI, 1, "x")),
                3600, 2));
        assertThat(((Challenge) reply).refused()).map(DigestVerdict.Failed::reason).contains(DigestVerdict.Reason.UNKNOWN_USER);
    }

    @Test
    void registrarRefusalsComeBackAsTheOutcome() {
        String c = challengeValue(handler.handle(register("op-3404-1", Optional.empty(), 3600, 1)));
        RegisterReply brief = handler.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 1, "x")), 20, 2));
        assertThat(((Registration) brief).outcome()).isEqualTo(new RegisterOutcome.IntervalTooBrief(Duration.ofSeconds(60)));
    }

    @Test
    void aRegisterTheDatabaseCannotKeepIsAnsweredWithRetryAfterNeverAcceptedAndThePhoneStaysRegistered() {
        AwayBindingStore database = new AwayBindingStore();
        try (Registrar shared = new Registrar(ExpiryPolicy.DEFAULT, database, Duration.ofSeconds(1), Duration.ofSeconds(30))) {
            OperatorPhones positions = new OperatorPhones(Map.of(SLEMAN_1, new OperatorPhone.Registering("op-3404-1",
                    DigestCredential.password("rahasia-1"))), shared);
            RegisterHandler node = new RegisterHandler(REALM,
                    new DigestAuthenticator("shared by every node of Polda DIY".getBytes(StandardCharsets.UTF_8), clock), positions, shared, clock);
            String c = challengeValue(node.handle(register("op-3404-1", Optional.empty(), 3600, 1)));
            assertThat(node.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 1, "a1")), 3600, 2)))
                    .isInstanceOf(Registration.class);

            database.goAway();
            clock.advance(Duration.ofMinutes(3));
            RegisterReply refresh = node.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 2, "a2")), 3600, 3));
            assertThat(refresh).isInstanceOf(RegisterReply.Unavailable.class);
            assertThat(((RegisterReply.Unavailable) refresh).retryAfter()).isEqualTo(Duration.ofSeconds(10));
            RegisterReply query = node.handle(new RegisterRequest("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 3, "a3")), List.of(),
                    OptionalLong.empty(), "boot-1@10.34.4.21", 4));
            assertThat(query).as("a query cannot list what the database holds either").isInstanceOf(RegisterReply.Unavailable.class);
            assertThat(positions.contactsFor(SLEMAN_1, clock.instant())).as("the phone is still rung where it registered").containsExactly(DESK);

            database.comeBack();
            RegisterReply retried = node.handle(register("op-3404-1", Optional.of(desk.answer(c, "REGISTER", URI, 4, "a4")), 3600, 5));
            assertThat(((Accepted) ((Registration) retried).outcome()).transition()).isEqualTo(Transition.UNCHANGED);
            assertThat(((Accepted) ((Registration) retried).outcome()).bindings()).extracting(Binding::expiresAt)
                    .containsExactly(clock.instant().plusSeconds(3600));
        }
    }
}
