package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rtpengine's DTMF log, from a line it sent (src/test/resources/media/dtmf-log-event.json: the caller pressed 1). */
class DtmfEventTests {

    @Test
    void aCapturedEventNamesTheCallThePartyTheKeyAndHowLongItWasHeld() throws Exception {
        String line;
        try (InputStream in = DtmfEventTests.class.getResourceAsStream("/media/dtmf-log-event.json")) {
            line = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        DtmfEvent event = DtmfEvent.parse(line);
        assertThat(event.callId()).isEqualTo("fixture-call@carrier.example");
        assertThat(event.sourceTag()).as("the caller's From tag").isEqualTo("as8f2k1");
        assertThat(event.tags()).containsExactly("as8f2k1", "siaga-7c1e");
        assertThat(event.key()).isEqualTo('1');
        assertThat(event.event()).isEqualTo(1);
        assertThat(event.duration()).isEqualTo(Duration.ofMillis(280));
        assertThat(event.volume()).isEqualTo(10);
        assertThat(event.sourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1796302370));
    }

    @Test
    void starHashAndLettersAreKeysAndFlashIsNot() {
        String template = "{\"callid\":\"c\",\"source_tag\":\"t\",\"tags\":[\"t\"],\"type\":\"DTMF\",\"timestamp\":1,\"source_ip\":\"::1\","
                + "\"event\":%d,\"duration\":100,\"volume\":8}";
        assertThat(List.of(0, 9, 10, 11, 12, 15, 16)).extracting(e -> DtmfEvent.parse(template.formatted(e)).key())
                .containsExactly('0', '9', '*', '#', 'A', 'D', '?');
    }

    @Test
    void whatIsNotADtmfEventIsRefusedWithAReason() {
        assertThatThrownBy(() -> DtmfEvent.parse("not json")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> DtmfEvent.parse("{\"callid\":K\u0000\u0000\n\"c\"}")).as("what it read is not repeated: it may be a forged log line")
                .hasMessage("not JSON (line 1, column 11)");
        assertThatThrownBy(() -> DtmfEvent.parse("[1,2]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> DtmfEvent.parse("{\"type\":\"RTCP\",\"callid\":\"c\",\"event\":1}")).hasMessageContaining("not a DTMF event");
        assertThatThrownBy(() -> DtmfEvent.parse("{\"type\":\"DTMF\",\"event\":1}")).hasMessageContaining("without callid");
        assertThatThrownBy(() -> DtmfEvent.parse("{\"type\":\"DTMF\",\"callid\":\"c\",\"event\":\"1\"}")).hasMessageContaining("without callid or event");
    }
}
