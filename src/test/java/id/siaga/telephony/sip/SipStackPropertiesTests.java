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
        Properties p = SipEdge.stackProperties(SETTINGS, new Properties());
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
        Properties p = SipEdge.stackProperties(SETTINGS, jvm);
        assertThat(p.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("16");
        assertThat(p.getProperty("gov.nist.javax.sip.LINGER_TIMER")).isEqualTo("2");
        assertThat(p.getProperty("java.version")).isNull();
        assertThat(p.getProperty("javax.sip.STACK_NAME")).as("only gov.nist.javax.sip.* may be set from outside").isEqualTo("siaga110-5060");
    }
}
