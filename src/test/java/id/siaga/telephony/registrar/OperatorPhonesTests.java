package id.siaga.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.OperatorId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Where to ring each position: a desk phone that registers, a fixed PBX extension, or nothing yet. */
class OperatorPhonesTests {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final OperatorId SLEMAN_1 = new OperatorId("OP-SLEMAN-1");
    static final OperatorId SLEMAN_2 = new OperatorId("OP-SLEMAN-2");
    static final OperatorId BANTUL_1 = new OperatorId("OP-BANTUL-1");

    final Registrar registrar = new Registrar(ExpiryPolicy.DEFAULT, new InMemoryBindingStore());
    final OperatorPhones phones = new OperatorPhones(Map.of(
            SLEMAN_1, new OperatorPhone.Registering("op-3404-1", DigestCredential.password("rahasia-1")),
            SLEMAN_2, new OperatorPhone.Static("sip:2002@pbx.polres-sleman.local"),
            BANTUL_1, new OperatorPhone.Registering("op-3402-1", DigestCredential.ha1("939e7578ed9e3c518a452acee763bce9"))), registrar);

    @Test
    void aRegisteringPhoneIsRungWhereItLastRegistered() {
        assertThat(phones.contactsFor(SLEMAN_1, T0)).isEmpty();
        assertThat(phones.reachable(SLEMAN_1, T0)).isFalse();
        registrar.register("op-3404-1", "sip:op-3404-1@10.34.4.21:5060", OptionalLong.of(600), "c1", 1, T0);
        assertThat(phones.contactsFor(SLEMAN_1, T0.plusSeconds(10))).containsExactly("sip:op-3404-1@10.34.4.21:5060");
        assertThat(phones.contactsFor(SLEMAN_1, T0.plusSeconds(600))).isEmpty();
    }

    @Test
    void aStaticPhoneIsAlwaysThere() {
        assertThat(phones.contactsFor(SLEMAN_2, T0)).containsExactly("sip:2002@pbx.polres-sleman.local");
        assertThat(phones.reachable(SLEMAN_2, T0)).isTrue();
    }

    @Test
    void anOperatorWithoutAPhoneCannotBeRung() {
        assertThat(phones.contactsFor(new OperatorId("OP-KULONPROGO-1"), T0)).isEmpty();
        assertThat(phones.phoneOf(new OperatorId("OP-KULONPROGO-1"))).isEmpty();
    }

    @Test
    void onlyRegisteringPositionsHaveCredentialsAndMapBackToTheirOperator() {
        assertThat(phones.credentialFor("op-3404-1")).contains(DigestCredential.password("rahasia-1"));
        assertThat(phones.credentialFor("op-3402-1")).contains(DigestCredential.ha1("939e7578ed9e3c518a452acee763bce9"));
        assertThat(phones.credentialFor("2002")).isEmpty();
        assertThat(phones.operatorBySipUsername("op-3404-1")).contains(SLEMAN_1);
        assertThat(phones.operatorBySipUsername("op-9999-1")).isEmpty();
    }

    @Test
    void twoPositionsCannotShareASipUsername() {
        Map<OperatorId, OperatorPhone> config = new LinkedHashMap<>();
        config.put(SLEMAN_1, new OperatorPhone.Registering("op-3404-1", DigestCredential.password("a")));
        config.put(SLEMAN_2, new OperatorPhone.Registering("op-3404-1", DigestCredential.password("b")));
        assertThatThrownBy(() -> new OperatorPhones(config, registrar)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OP-SLEMAN-1").hasMessageContaining("OP-SLEMAN-2").hasMessageContaining("op-3404-1");
    }

    @Test
    void badPhoneSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new OperatorPhone.Static("tel:+62274868424")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sip:");
        assertThatThrownBy(() -> new OperatorPhone.Static("sip:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OperatorPhone.Static("<sip:2002@pbx>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OperatorPhone.Registering("op 3404", DigestCredential.password("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestCredential.password("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNeverPrintASecret() {
        assertThat(new OperatorPhone.Registering("op-3404-1", DigestCredential.password("rahasia-1")).toString()).doesNotContain("rahasia");
        assertThat(DigestCredential.ha1("939e7578ed9e3c518a452acee763bce9").toString()).doesNotContain("939e");
    }
}
