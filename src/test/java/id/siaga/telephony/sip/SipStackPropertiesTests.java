package id.siaga.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The edge's JAIN-SIP settings, and the JVM's -Dgov.nist.javax.sip.* over them (README, "Running the jar"). */
class SipStackPropertiesTests {

    private static final SipEdge.Settings SETTINGS = new SipEdge.Settings("127.0.0.1", 5060, Set.of("110"), 16_384, Duration.ofSeconds(30));

    @Test
    void theEdgesOwnSettingsStandWhenTheJvmGivesNone() {
        Properties p = EdgeStackProperties.of(SETTINGS, new Properties());
        assertThat(p.getProperty("javax.sip.STACK_NAME")).isEqualTo("siaga110-5060");
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE")).isEqualTo("16384");
        assertThat(p.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("8");
        assertThat(p.getProperty("gov.nist.javax.sip.LINGER_TIMER")).isNull();
    }

    @Test
    void aJvmSettingOfTheStackWinsAndNothingElseOfTheJvmGetsIn() {
        Properties jvm = new Properties();
        jvm.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
        jvm.setProperty("gov.nist.javax.sip.LINGER_TIMER", "2");
        jvm.setProperty("java.version", "17");
        jvm.setProperty("javax.sip.STACK_NAME", "someone-else");
        Properties p = EdgeStackProperties.of(SETTINGS, jvm);
        assertThat(p.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("16");
        assertThat(p.getProperty("gov.nist.javax.sip.LINGER_TIMER")).isEqualTo("2");
        assertThat(p.getProperty("java.version")).isNull();
        assertThat(p.getProperty("javax.sip.STACK_NAME")).as("only gov.nist.javax.sip.* may be set from outside").isEqualTo("siaga110-5060");
    }

    /** Issue 14: SIP over TLS speaks TLS 1.3 and 1.2 with the JDK's suites, never the RI's defaults (TLS 1.0, anonymous suites). */
    @Test
    void tlsSpeaksCurrentVersionsAndSuitesAndAsksForNoClientCertificateByDefault() throws Exception {
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(null, null);
        SipTls tls = new SipTls(5061, keys.getKeyManagers(), new javax.net.ssl.TrustManager[0], SipTls.ClientAuth.NONE, null, null);
        Properties p = EdgeStackProperties.of(new SipEdge.Settings("127.0.0.1", 5060, Set.of("110"), 16_384, Duration.ofSeconds(30),
                java.util.Optional.of(tls)), new Properties());
        assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(p.getProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES")).contains("TLS_AES_128_GCM_SHA256").doesNotContain("_anon_")
                .doesNotContain("3DES");
        assertThat(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE")).isEqualTo("Disabled");
        assertThat(p.getProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER")).isEqualTo(EdgeTlsKeys.class.getName());
        assertThat(EdgeStackProperties.of(SETTINGS, new Properties()).getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS"))
                .as("no TLS, no TLS settings").isNull();
    }
}
