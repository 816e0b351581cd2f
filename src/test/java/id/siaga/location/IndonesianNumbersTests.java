package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.telephony.PhoneNumbers;
import org.junit.jupiter.api.Test;

/** Caller numbers: an AML sender and a SIP caller id must come out the same, or the report misses its call. */
class IndonesianNumbersTests {

    @Test
    void theSameNumberInEveryFormComesOutTheSame() {
        assertThat(IndonesianNumbers.normalize("081234567890")).contains("+6281234567890");
        assertThat(IndonesianNumbers.normalize("6281234567890")).contains("+6281234567890");
        assertThat(IndonesianNumbers.normalize("+62 812-3456-7890")).contains("+6281234567890");
        assertThat(IndonesianNumbers.normalize("sip:081234567890@ims.telkomsel.example;user=phone")).contains("+6281234567890");
        assertThat(IndonesianNumbers.normalize("(0274) 512345")).contains("+62274512345");
        assertThat(IndonesianNumbers.normalize("110")).as("short codes stay as dialled").contains("110");
        assertThat(IndonesianNumbers.normalize("+61412345678")).as("foreign numbers keep their country").contains("+61412345678");
        assertThat(IndonesianNumbers.normalize("anonymous")).isEmpty();
        assertThat(IndonesianNumbers.normalize(null)).isEmpty();
    }

    @Test
    void whatIsNotANumberIsNoNumber() {
        assertThat(IndonesianNumbers.normalize("0812 abc")).isEmpty();
        assertThat(IndonesianNumbers.normalize("12+34")).as("a plus only in front").isEmpty();
        assertThat(IndonesianNumbers.normalize("+")).isEmpty();
        assertThat(IndonesianNumbers.normalize("0")).as("fewer than three digits").isEmpty();
        assertThat(IndonesianNumbers.normalize("+62812345678901234567890")).as("more than twenty digits").isEmpty();
        assertThat(IndonesianNumbers.normalize("sip:anonymous@anonymous.invalid")).isEmpty();
        assertThat(IndonesianNumbers.normalize("0812\t3456\n7890")).contains("+6281234567890");
        assertThat(IndonesianNumbers.normalize("62123")).as("too short for a 62 country prefix").contains("62123");
        assertThat(PhoneNumbers.normalize("   ")).isEqualTo(PhoneNumbers.ANONYMOUS);
    }

    @Test
    void mobileNumbersAreTheEightsAfterTheCountryCode() {
        assertThat(IndonesianNumbers.isMobile("+6281234567890")).isTrue();
        assertThat(IndonesianNumbers.isMobile("+62274512345")).isFalse();
        assertThat(IndonesianNumbers.isMobile("+61412345678")).isFalse();
    }
}
