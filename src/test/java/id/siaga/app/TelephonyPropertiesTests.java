package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A carrier trunk listed in siaga.telephony.trusted-sources must match the address the SIP edge sees, or the trunk is
 * limited like any unknown sender and real 110 calls beyond the limit are refused: what cannot match stops the start.
 */
class TelephonyPropertiesTests {

    @Test
    void trustedSourcesAreIpAddressesInTheFormTheEdgeSeesAndAnythingElseStopsTheStart() {
        assertThat(TelephonyProperties.ipAddress("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(TelephonyProperties.ipAddress(" 10.20.30.40 ")).isEqualTo("10.20.30.40");
        assertThat(TelephonyProperties.ipAddress("::1")).as("the edge reports IPv6 in full").isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> TelephonyProperties.ipAddress("10.1.0.0/24")).hasMessageContaining("siaga.telephony.trusted-sources");
        assertThatThrownBy(() -> TelephonyProperties.ipAddress("sbc.telkomsel.example")).hasMessageContaining("siaga.telephony.trusted-sources");
        assertThatThrownBy(() -> TelephonyProperties.ipAddress("")).hasMessageContaining("siaga.telephony.trusted-sources");
    }
}
