package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stand-in answer that gets a waiting caller rtpengine's SDP, from literal SDP as rtpengine offers it. */
class PlaceholderAnswerTests {

    /** What rtpengine offered the operators' phones for a carrier's call (captured), with a video stream added. */
    static final String OFFERED = """
            v=0\r
            o=SBC-110 1764324930 1764324930 IN IP4 127.0.0.1\r
            s=SBC call\r
            c=IN IP4 127.0.0.1\r
            t=0 0\r
            m=audio 41314 RTP/AVP 8 0 101\r
            a=maxptime:40\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-15\r
            a=sendrecv\r
            a=rtcp:41315\r
            a=ptime:20\r
            m=video 41316 RTP/AVP 96\r
            a=rtpmap:96 H264/90000\r
            """;

    @Test
    void theFirstAudioStreamKeepsTheFirstCodecAndTelephoneEventOnTheDiscardPortAndOtherStreamsAreRefused() {
        assertThat(PlaceholderAnswer.from(OFFERED, 1796300000L)).isEqualTo("""
                v=0\r
                o=siaga110 1796300000 1 IN IP4 127.0.0.1\r
                s=-\r
                c=IN IP4 127.0.0.1\r
                t=0 0\r
                m=audio 9 RTP/AVP 8 101\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-15\r
                a=ptime:20\r
                a=sendrecv\r
                m=video 0 RTP/AVP 96\r
                """);
    }

    @Test
    void withoutTelephoneEventTheFirstCodecAloneAndAnOfferWithoutAudioIsRefused() {
        String pcmuOnly = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=-\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0\r\nc=IN IP4 10.0.0.9\r\na=rtpmap:0 PCMU/8000\r\n";
        assertThat(PlaceholderAnswer.from(pcmuOnly, 7)).isEqualTo(
                "v=0\r\no=siaga110 7 1 IN IP4 10.0.0.9\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\nc=IN IP4 10.0.0.9\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n");
        assertThatThrownBy(() -> PlaceholderAnswer.from("v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\nm=video 5000 RTP/AVP 96\r\n", 7))
                .hasMessageContaining("no audio");
    }

    @Test
    void theOperatorsAnswerTakesTheOriginTheCallerGotWithTheNextVersion() {
        String early = "v=0\r\no=siaga110 1796300000 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41326 RTP/AVP 8 101\r\n";
        String phone = "v=0\r\no=- 20051 20051 IN IP4 192.168.10.21\r\ns=SDP data\r\nc=IN IP4 192.168.10.21\r\nt=0 0\r\nm=audio 11780 RTP/AVP 8 101\r\n";
        assertThat(PlaceholderAnswer.withOrigin(phone, early))
                .isEqualTo("v=0\r\no=siaga110 1796300000 2 IN IP4 127.0.0.1\r\ns=SDP data\r\nc=IN IP4 192.168.10.21\r\nt=0 0\r\nm=audio 11780 RTP/AVP 8 101\r\n");
    }
}
