package id.siaga.telephony.media;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkReason;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A datagram on the ng client's socket fuzzed (docs/FUZZING.md): the cookie, the bencoded reply, and what the client
 * reads of a query reply ({@link MediaQuery#from}). A reply is decoded or refused with a reason fit for a log line; a
 * decoded one is read into a query without an exception and without asking DNS for a name in it. Anything else
 * would stop the socket's receiving thread, and with it every call's media commands.
 */
class NgReplyFuzzTests {

    static Stream<byte[]> datagram() {
        return Fuzzing.texts(
                "5f2a_1 d6:result4:ponge",
                "5f2a_2 d3:sdp26:v=0\r\nm=audio 30000 RTP/AVP 810:recordingsl25:/rec/pcaps/c-0123abcd.pcape6:result2:oke",
                "5f2a_3 d12:error-reason15:Unknown call-id6:result5:errore",
                "5f2a_4 d7:createdi1796300482e10:created_usi847301e6:result2:ok4:tagsd2:ctd6:medias"
                        + "ld5:codec9:PCMA/80007:streamsld8:endpointd7:address9:127.0.0.14:porti58329ee5:flagsl3:RTPe10:local porti41010e"
                        + "5:statsd5:bytesi3440e6:errorsi0e7:packetsi20eeeee11:subscribersld3:tag2:opee3:tag2:cte"
                        + "e6:totalsd3:RTPd7:packetsi20eeee",
                "5f2a_5 d4:tagsd1:xd6:mediasld7:streamsld8:endpointd7:address11:example.org4:porti70000eeeeeeeee");
    }

    @MethodSource
    @FuzzTest
    void datagram(byte[] input) {
        NgMessages.Reply reply;
        try {
            reply = NgMessages.decode(input, input.length);
        } catch (IllegalArgumentException e) {
            checkReason(e.getMessage(), "an ng reply");
            return;
        }
        Map<String, Object> body = reply.body();
        check(body != null, () -> "a reply without a body");
        MediaQuery query = MediaQuery.from(body);
        query.parties().forEach(p -> p.streams().forEach(s -> check(s.localPort() >= 0 && s.localPort() <= 65535
                && s.endpoint().map(a -> !a.isUnresolved()).orElse(true), () -> "a stream read wrong: " + s)));
    }
}
