package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.telephony.PhoneNumbers;
import org.junit.jupiter.api.Test;

/** Caller numbers: an AML sender and a SIP caller id must come out the same, or the report misses its call. */
class IndonesianNumbersTests {

    static final String[] SEEN = {"081234567890", "6281234567890", "+6281234567890", "+62 812-3456-7890", "(0274) 512345",
            "tel:+62274512345;phone-context=+62", "sip:081234567890@ims.telkomsel.example;user=phone", "sips:+6221500110@carrier.example",
            "110", "112", "+61412345678", "0", "", "   ", "anonymous", "sip:anonymous@anonymous.invalid", "0812 abc", "12+34",
            "+", "62123", "+62812345678901234567890", "0812\t3456\n7890", "08123456789\u00a0"};

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
    void agreesWithTheSipEdgeOnEveryFormSeen() {
        for (String raw : SEEN) {
            assertThat(IndonesianNumbers.normalize(raw).orElse(PhoneNumbers.ANONYMOUS)).as(raw).isEqualTo(PhoneNumbers.normalize(raw));
        }
    }

    @Test
    void mobileNumbersAreTheEightsAfterTheCountryCode() {
        assertThat(IndonesianNumbers.isMobile("+6281234567890")).isTrue();
        assertThat(IndonesianNumbers.isMobile("+62274512345")).isFalse();
        assertThat(IndonesianNumbers.isMobile("+61412345678")).isFalse();
    }
}
