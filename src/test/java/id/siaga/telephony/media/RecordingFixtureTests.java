package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Pcap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A recording as rtpengine 10.5 wrote it ({@code --recording-method=pcap}): a caller who waited (5 packets and the key
 * 1 as 10 telephone-event packets, then 3 more), then talked with the operator (5 packets each way). The pcap holds
 * what rtpengine received, raw IPv4; its metadata file holds the SDPs, which tell the parties apart: packets to the
 * port of the "offer" SDP come from the operator, packets to the port of the "answer" SDP from the caller.
 */
class RecordingFixtureTests {

    static Path fixture(String name) throws Exception {
        return Path.of(RecordingFixtureTests.class.getResource("/media/" + name).toURI());
    }

    @Test
    void theMetadataNamesThePcapAndItsSdpsTellWhichPacketsAreTheCallersAndWhichTheOperators() throws Exception {
        String meta = Files.readString(fixture("recording-metadata.txt"), StandardCharsets.UTF_8);
        assertThat(meta.lines().findFirst().orElseThrow()).matches(".*/pcaps/fixture-call%40carrier\\.example-[0-9a-f]{16}\\.pcap");
        int operatorSide = port(meta, "offer").get(0);
        List<Integer> callerSide = port(meta, "answer");
        assertThat(callerSide).as("the early answer and the operator's, on the same port").hasSize(2).containsOnly(callerSide.get(0));

        Pcap pcap = Pcap.read(fixture("recording-raw-ip.pcap"));
        assertThat(pcap.linkType()).isEqualTo(Pcap.RAW_IP);
        List<Pcap.Datagram> caller = pcap.datagrams().stream().filter(d -> d.to().getPort() == callerSide.get(0)).toList();
        List<Pcap.Datagram> operator = pcap.datagrams().stream().filter(d -> d.to().getPort() == operatorSide).toList();
        assertThat(caller).as("5 + 3 + 5 audio, 10 event packets").hasSize(23);
        assertThat(caller.stream().filter(d -> (d.payload()[1] & 0x7f) == 101)).as("the key 1").hasSize(10);
        assertThat(operator).hasSize(5);
        assertThat(caller.size() + operator.size()).isEqualTo(pcap.datagrams().size());
        assertThat(caller).extracting(d -> d.from().getPort()).containsOnly(caller.get(0).from().getPort());
        assertThat(meta).contains("SDP before RTP packet: 19").contains("o=siaga110 1796302200 2 IN IP4 127.0.0.1");
    }

    private static List<Integer> port(String meta, String mode) {
        Matcher m = Pattern.compile("SDP mode: " + mode + "\\n(?:[^\\n]*\\n)*?m=audio (\\d+) ").matcher(meta);
        List<Integer> ports = new java.util.ArrayList<>();
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }
}
