package id.siaga.telephony.registrar;

import id.siaga.support.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.telephony.registrar.DigestVerdict.Failed;
import id.siaga.telephony.registrar.DigestVerdict.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A position's phone proves its password to the registrar: the RFC's own arithmetic, whole challenge and
 * answer round trips, and every way an answer can be wrong.
 */
class DigestAuthenticatorTests {

    static final String REALM = "siaga110.polri.go.id";
    static final byte[] SECRET = "a secret of more than sixteen bytes".getBytes(StandardCharsets.UTF_8);
    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final String URI = "sip:siaga110.polri.go.id";

    final ManualClock clock = new ManualClock(T0);
    final DigestAuthenticator auth = new DigestAuthenticator(SECRET, clock);
    final DigestClient phone = new DigestClient("op-3404-1", "rahasia-Sleman-1");
    DigestVerdict verify(String authorization) {
        return auth.verify(authorization, "REGISTER", REALM, this::lookup);
    }

    static final Map<String, DigestCredential> CREDENTIALS = Map.of(
            "op-3404-1", DigestCredential.password("rahasia-Sleman-1"),
            "op-3404-2", DigestCredential.ha1(DigestClient.md5("op-3404-2:" + REALM + ":rahasia-Sleman-2")));

    Optional<DigestCredential> lookup(String username) {
        return Optional.ofNullable(CREDENTIALS.get(username));
    }

    String challenge() {
        return auth.challenge(REALM).headerValue();
    }

    // --- the arithmetic, on RFC 2617 §3.5 ---

    @Test
    void theRfc2617WorkedExampleGivesItsResponse() {
        String ha1 = DigestArithmetic.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String response = DigestArithmetic.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET",
                "/dir/index.html");
        assertThat(ha1).isEqualTo("939e7578ed9e3c518a452acee763bce9");
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(DigestCredential.ha1(ha1.toUpperCase()).ha1("Mufasa", "testrealm@host.com")).isEqualTo(ha1);
    }

    @Test
    void theTestPhoneComputesTheRfcExampleToo() {
        String challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"";
        String answer = new DigestClient("Mufasa", "Circle Of Life").answer(challenge, "GET", "/dir/index.html", 1, "0a4f113b");
        assertThat(answer).contains("response=\"6629fae49393a05397450978507c4ef1\"");
    }

    @Test
    void theRfcExampleHeaderParsesAndIsRefusedOnlyForItsForeignNonce() {
        String rfcHeader = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
                + "uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", "
                + "response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        DigestVerdict v = auth.verify(rfcHeader, "GET", "testrealm@host.com",
                u -> Optional.of(DigestCredential.password("Circle Of Life")));
        assertThat(v).isInstanceOf(Failed.class);
        assertThat(((Failed) v).reason()).isEqualTo(Reason.NONCE_FORGED);
    }

    // --- round trips ---

    @Test
    void aPhoneThatKnowsItsPasswordIsAccepted() {
        String c = challenge();
        assertThat(c).startsWith("Digest realm=\"siaga110.polri.go.id\", nonce=\"").contains("algorithm=MD5", "qop=\"auth\"")
                .doesNotContain("stale");
        assertThat(verify(phone.answer(c, "REGISTER", URI, 1, "c0ffee01"))).isEqualTo(new DigestVerdict.Ok("op-3404-1"));
    }

    @Test
    void aPrecomputedHa1WorksLikeThePassword() {
        DigestClient second = new DigestClient("op-3404-2", "rahasia-Sleman-2");
        assertThat(verify(second.answer(challenge(), "REGISTER", URI, 1, "abc"))).isEqualTo(new DigestVerdict.Ok("op-3404-2"));
    }

    @Test
    void aLegacyPhoneWithoutQopIsAccepted() {
        assertThat(verify(phone.legacyAnswer(challenge(), "REGISTER", URI))).isEqualTo(new DigestVerdict.Ok("op-3404-1"));
    }

    @Test
    void theNonceIsReusedWithRisingCountsUntilItAges() {
        String c = challenge();
        for (int nc = 1; nc <= 5; nc++) {
            clock.advance(Duration.ofSeconds(50));
            assertThat(verify(phone.answer(c, "REGISTER", URI, nc, "cn" + nc))).isInstanceOf(DigestVerdict.Ok.class);
        }
    }

    @Test
    void aWrongPasswordFails() {
        DigestClient impostor = new DigestClient("op-3404-1", "tebakan");
        assertFailed(verify(impostor.answer(challenge(), "REGISTER", URI, 1, "x")), Reason.WRONG_RESPONSE);
        assertFailed(verify(impostor.legacyAnswer(challenge(), "REGISTER", URI)), Reason.WRONG_RESPONSE);
    }

    @Test
    void anAnswerForAnotherMethodFails() {
        assertFailed(auth.verify(phone.answer(challenge(), "INVITE", URI, 1, "x"), "REGISTER", REALM, this::lookup), Reason.WRONG_RESPONSE);
    }

    @Test
    void anUnknownUserFails() {
        DigestClient stranger = new DigestClient("op-9999-1", "whatever");
        assertFailed(verify(stranger.answer(challenge(), "REGISTER", URI, 1, "x")), Reason.UNKNOWN_USER);
    }

    @Test
    void aTamperedNonceIsForged() {
        String c = challenge();
        String nonce = DigestClient.param(c, "nonce");
        char flipped = nonce.charAt(20) == 'A' ? 'B' : 'A';
        String tampered = c.replace(nonce, nonce.substring(0, 20) + flipped + nonce.substring(21));
        assertFailed(verify(phone.answer(tampered, "REGISTER", URI, 1, "x")), Reason.NONCE_FORGED);
        assertFailed(verify(phone.answer(c.replace(nonce, "dcd98b7102dd2f0e8b11d0f600bfb0c093"), "REGISTER", URI, 1, "x")),
                Reason.NONCE_FORGED);
        assertFailed(verify(phone.answer(c.replace(nonce, nonce.substring(0, 63) + "!"), "REGISTER", URI, 1, "x")), Reason.NONCE_FORGED);
    }

    @Test
    void aNonceFromAnotherSecretOrRealmIsForged() {
        DigestAuthenticator other = new DigestAuthenticator("another secret of enough length".getBytes(StandardCharsets.UTF_8), clock);
        assertFailed(verify(phone.answer(other.challenge(REALM).headerValue(), "REGISTER", URI, 1, "x")), Reason.NONCE_FORGED);
        String otherRealm = auth.challenge("polda-diy").headerValue().replace("polda-diy", REALM);
        assertFailed(verify(phone.answer(otherRealm, "REGISTER", URI, 1, "x")), Reason.NONCE_FORGED);
    }

    @Test
    void anotherNodeWithTheSameSecretAcceptsTheNonce() {
        DigestAuthenticator node2 = new DigestAuthenticator(SECRET, clock);
        clock.advance(Duration.ofSeconds(1));
        String c = challenge();
        assertThat(node2.verify(phone.answer(c, "REGISTER", URI, 1, "x"), "REGISTER", REALM, this::lookup))
                .isEqualTo(new DigestVerdict.Ok("op-3404-1"));
    }

    @Test
    void anExpiredNonceWithTheRightPasswordIsStaleAndTheNextChallengeSaysSo() {
        String c = challenge();
        clock.advance(Duration.ofMinutes(5));
        assertThat(verify(phone.answer(c, "REGISTER", URI, 1, "x"))).isInstanceOf(DigestVerdict.Ok.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(verify(phone.answer(c, "REGISTER", URI, 2, "x"))).isEqualTo(new DigestVerdict.Stale("op-3404-1"));
        assertThat(verify(phone.legacyAnswer(c, "REGISTER", URI))).isEqualTo(new DigestVerdict.Stale("op-3404-1"));

        String again = auth.staleChallenge(REALM).headerValue();
        assertThat(again).endsWith(", stale=true");
        assertThat(verify(phone.answer(again, "REGISTER", URI, 1, "y"))).isInstanceOf(DigestVerdict.Ok.class);
    }

    @Test
    void anExpiredNonceWithAWrongPasswordIsNotStale() {
        String c = challenge();
        clock.advance(Duration.ofMinutes(6));
        assertFailed(verify(new DigestClient("op-3404-1", "tebakan").answer(c, "REGISTER", URI, 1, "x")), Reason.WRONG_RESPONSE);
    }

    @Test
    void theNonceLifetimeIsConfigurable() {
        DigestAuthenticator brief = new DigestAuthenticator(SECRET, clock, Duration.ofSeconds(30), 100);
        String c = brief.challenge(REALM).headerValue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(brief.verify(phone.answer(c, "REGISTER", URI, 1, "x"), "REGISTER", REALM, this::lookup))
                .isInstanceOf(DigestVerdict.Stale.class);
    }

    @Test
    void aReplayedNonceCountFailsButReorderedCountsPass() {
        String c = challenge();
        String first = phone.answer(c, "REGISTER", URI, 1, "x");
        assertThat(verify(first)).isInstanceOf(DigestVerdict.Ok.class);
        assertFailed(verify(first), Reason.NONCE_COUNT_REPLAYED);

        assertThat(verify(phone.answer(c, "REGISTER", URI, 3, "x"))).isInstanceOf(DigestVerdict.Ok.class);
        assertThat(verify(phone.answer(c, "REGISTER", URI, 2, "x"))).isInstanceOf(DigestVerdict.Ok.class);
        assertFailed(verify(phone.answer(c, "REGISTER", URI, 2, "other-cnonce")), Reason.NONCE_COUNT_REPLAYED);
        assertThat(verify(phone.answer(c, "REGISTER", URI, 200, "x"))).isInstanceOf(DigestVerdict.Ok.class);
        assertFailed(verify(phone.answer(c, "REGISTER", URI, 100, "x")), Reason.NONCE_COUNT_REPLAYED);
    }

    @Test
    void anotherPositionCannotUseUpAPhonesNonceCounts() {
        String c = challenge();
        DigestClient neighbour = new DigestClient("op-3404-2", "rahasia-Sleman-2");
        assertThat(verify(neighbour.answer(c, "REGISTER", URI, 0x7fffffff, "x"))).isInstanceOf(DigestVerdict.Ok.class);
        assertThat(verify(phone.answer(c, "REGISTER", URI, 1, "x"))).isInstanceOf(DigestVerdict.Ok.class);
    }

    @Test
    void whenCountsAreForgottenTheNonceTurnsStaleRatherThanReplayable() {
        DigestAuthenticator small = new DigestAuthenticator(SECRET, clock, Duration.ofMinutes(5), 1);
        clock.advance(Duration.ofSeconds(1));
        String a = small.challenge(REALM).headerValue();
        String firstA = phone.answer(a, "REGISTER", URI, 1, "x");
        assertThat(small.verify(firstA, "REGISTER", REALM, this::lookup)).isInstanceOf(DigestVerdict.Ok.class);
        clock.advance(Duration.ofSeconds(1));
        String b = small.challenge(REALM).headerValue();
        assertThat(small.verify(phone.answer(b, "REGISTER", URI, 1, "x"), "REGISTER", REALM, this::lookup))
                .isInstanceOf(DigestVerdict.Ok.class);
        assertThat(small.verify(firstA, "REGISTER", REALM, this::lookup)).isInstanceOf(DigestVerdict.Stale.class);
    }

    @Test
    void aRestartedNodeSendsPhonesWithOldNoncesToANewOne() {
        String c = challenge();
        clock.advance(Duration.ofSeconds(10));
        DigestAuthenticator restarted = new DigestAuthenticator(SECRET, clock);
        assertThat(restarted.verify(phone.answer(c, "REGISTER", URI, 1, "x"), "REGISTER", REALM, this::lookup))
                .isInstanceOf(DigestVerdict.Stale.class);
    }

    @Test
    void anAnswerForAnotherRealmFails() {
        String c = challenge().replace(REALM, "polda-diy");
        assertFailed(verify(phone.answer(c, "REGISTER", URI, 1, "x")), Reason.REALM_MISMATCH);
    }

    // --- what the header may look like ---

    @Test
    void parametersComeInAnyOrderCaseAndSpacing() {
        String c = challenge();
        String nonce = DigestClient.param(c, "nonce");
        String ha1 = DigestClient.md5("op-3404-1:" + REALM + ":rahasia-Sleman-1");
        String response = DigestClient.md5(ha1 + ":" + nonce + ":0000000A:x,\"y\":auth:" + DigestClient.md5("REGISTER:" + URI));
        String header = "digest   NC=0000000A ,QOP=\"auth\",CNONCE=\"x,\\\"y\\\"\" , Algorithm=\"md5\",\tResponse=\"" + response.toUpperCase()
                + "\", URI=\"" + URI + "\",nonce=\"" + nonce + "\" ,, Realm=\"" + REALM + "\", Username=\"op-3404-1\", opaque=\"\"";
        assertThat(verify(header)).isEqualTo(new DigestVerdict.Ok("op-3404-1"));
    }

    @Test
    void quotesAndCommasInsideAUsernameSurvive() {
        String odd = "op \"3404\", kiri";
        String c = challenge();
        String nonce = DigestClient.param(c, "nonce");
        String response = DigestClient.md5(DigestClient.md5(odd + ":" + REALM + ":pw") + ":" + nonce + ":" + DigestClient.md5("REGISTER:" + URI));
        String header = "Digest username=\"op \\\"3404\\\", kiri\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response + "\"";
        assertThat(auth.verify(header, "REGISTER", REALM, u -> u.equals(odd) ? Optional.of(DigestCredential.password("pw")) : Optional.empty()))
                .isEqualTo(new DigestVerdict.Ok(odd));
    }

    @Test
    void otherAlgorithmsAndQopsAreRefusedByName() {
        String ok = phone.answer(challenge(), "REGISTER", URI, 1, "x");
        assertFailed(verify(ok.replace("algorithm=MD5", "algorithm=SHA-256")), Reason.UNSUPPORTED_ALGORITHM, "SHA-256");
        assertFailed(verify(ok.replace("algorithm=MD5", "algorithm=MD5-sess")), Reason.UNSUPPORTED_ALGORITHM, "MD5-sess");
        assertFailed(verify(ok + ", userhash=true"), Reason.UNSUPPORTED_ALGORITHM, "userhash");
        assertFailed(verify(ok.replace("qop=auth", "qop=auth-int")), Reason.UNSUPPORTED_QOP, "auth-int");
    }

    @Test
    void missingFieldsAreNamed() {
        String ok = phone.answer(challenge(), "REGISTER", URI, 1, "x");
        assertFailed(verify(ok.replaceFirst("nonce=\"[^\"]*\", ", "")), Reason.MISSING_FIELD, "nonce");
        assertFailed(verify(ok.replaceFirst("response=\"[^\"]*\", ", "")), Reason.MISSING_FIELD, "response");
        assertFailed(verify(ok.replaceFirst("cnonce=\"[^\"]*\", ", "")), Reason.MISSING_FIELD, "cnonce");
        assertFailed(verify(ok.replaceFirst(", nc=00000001", "")), Reason.MISSING_FIELD, "nc");
        assertFailed(verify("Digest"), Reason.MISSING_FIELD, "username");
    }

    @Test
    void malformedHeadersFailWithAReasonAndNoException() {
        String ok = phone.answer(challenge(), "REGISTER", URI, 1, "x");
        assertFailed(verify(null), Reason.MALFORMED, "empty");
        assertFailed(verify(""), Reason.MALFORMED, "empty");
        assertFailed(verify("   "), Reason.MALFORMED, "empty");
        assertFailed(verify("Basic b3AtMzQwNC0xOnJhaGFzaWE="), Reason.MALFORMED, "not Digest");
        assertFailed(verify("username=\"op-3404-1\""), Reason.MALFORMED, "not Digest");
        assertFailed(verify("Digest username=\"op-3404-1, realm=\"" + REALM + "\""), Reason.MALFORMED);
        assertFailed(verify("Digest username=\"op-3404-1\", realm=\"unterminated"), Reason.MALFORMED, "unbalanced quotes");
        assertFailed(verify("Digest username=\"trailing backslash\\"), Reason.MALFORMED, "unbalanced quotes");
        assertFailed(verify("Digest username"), Reason.MALFORMED, "no '='");
        assertFailed(verify("Digest =x"), Reason.MALFORMED, "parameter name");
        assertFailed(verify("Digest username="), Reason.MALFORMED, "no value");
        assertFailed(verify("Digest username=a b"), Reason.MALFORMED, "expected ','");
        assertFailed(verify("Digest username=\"a\", USERNAME=\"b\""), Reason.MALFORMED, "twice");
        assertFailed(verify("Digest username=\"a\r\nVia: evil\""), Reason.MALFORMED, "control character");
        assertFailed(verify(ok.replace("nc=00000001", "nc=0000000g")), Reason.MALFORMED, "nc");
        assertFailed(verify(ok.replace("nc=00000001", "nc=00000000")), Reason.MALFORMED, "nc");
        assertFailed(verify(ok.replace("nc=00000001", "nc=1")), Reason.MALFORMED, "nc");
        assertFailed(verify(ok.replaceFirst("response=\"[0-9a-f]{32}\"", "response=\"xyz\"")), Reason.MALFORMED, "response");
    }

    @Test
    void tenKilobytesOfGarbageFailWithoutWork() {
        String garbage = "Digest " + "username=\"x\\\",".repeat(10 * 1024 / 14);
        Failed f = assertFailed(verify(garbage), Reason.MALFORMED, "over 4096");
        assertThat(f.detail().length()).isLessThan(100);
        StringBuilder noise = new StringBuilder("Digest ");
        java.util.Random random = new java.util.Random(110);
        while (noise.length() < 4000) {
            noise.append((char) random.nextInt(0x3000));
        }
        assertFailed(verify(noise.toString()), Reason.MALFORMED);
    }

    @Test
    void noInputMakesItThrow() {
        java.util.Random random = new java.util.Random(3404);
        String ok = phone.answer(challenge(), "REGISTER", URI, 1, "x");
        String alphabet = "Digest =,\"\\ \tabcnoqprsuw0123456789\u0000\u00e9";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder s = new StringBuilder();
            if (n % 2 == 0) {
                s.append(ok);
                int cut = random.nextInt(s.length());
                s.insert(cut, alphabet.charAt(random.nextInt(alphabet.length())));
                s.deleteCharAt(random.nextInt(s.length()));
            } else {
                int len = random.nextInt(120);
                for (int k = 0; k < len; k++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertThat(verify(s.toString())).isNotNull();
        }
    }

    @Test
    void failureDetailsNeverCarryTheSecret() {
        DigestClient impostor = new DigestClient("op-3404-1", "tebakan");
        Failed f = (Failed) verify(impostor.answer(challenge(), "REGISTER", URI, 1, "x"));
        assertThat(f.toString()).doesNotContain("rahasia").doesNotContain(DigestClient.md5("op-3404-1:" + REALM + ":rahasia-Sleman-1"));
        assertThat(DigestCredential.password("rahasia").toString()).doesNotContain("rahasia");
    }

    @Test
    void aWeakSecretOrBadRealmIsRefusedAtStart() {
        assertThatThrownBy(() -> new DigestAuthenticator("short".getBytes(StandardCharsets.UTF_8), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> auth.challenge("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestCredential.ha1("not-hex")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DigestChallenge("a\"b\\c", "n", false).headerValue()).startsWith("Digest realm=\"a\\\"b\\\\c\"");
    }

    static Failed assertFailed(DigestVerdict verdict, Reason reason, String... detailContains) {
        assertThat(verdict).isInstanceOf(Failed.class);
        Failed f = (Failed) verdict;
        assertThat(f.reason()).as(f.detail()).isEqualTo(reason);
        for (String d : detailContains) {
            assertThat(f.detail()).containsIgnoringCase(d);
        }
        return f;
    }
}
