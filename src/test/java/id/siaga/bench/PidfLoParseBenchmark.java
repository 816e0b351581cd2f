package id.siaga.bench;

import id.siaga.location.PidfLoParser;
import id.siaga.location.PidfLoResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reading the caller's location out of one emergency INVITE costs: the {@code Geolocation} header and the
 * {@code multipart/mixed} body with SDP and a PIDF-LO circle, exactly as the load bench's callers send it
 * (bench/sipp/caller-pidf.xml). Every 110 call over SIP pays this on the SIP thread, so it bounds the call
 * rate: run with {@code -prof gc} for the allocation per INVITE:
 * {@code bench/jmh.sh -f 1 -wi 3 -i 5 -prof gc PidfLoParseBenchmark}.
 */
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PidfLoParseBenchmark {

    @State(Scope.Benchmark)
    public static class Invite {
        String geolocation;
        String contentType;
        byte[] body;

        @Setup
        public void prepare() {
            geolocation = "<cid:loc42@caller.example>";
            contentType = "multipart/mixed;boundary=siaga-boundary";
            body = ("--siaga-boundary\r\nContent-Type: application/sdp\r\n\r\nv=0\r\no=caller 53655765 2353687637 IN IP4 127.0.0.1\r\n"
                    + "s=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 50000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n--siaga-boundary\r\n"
                    + "Content-Type: application/pidf+xml\r\nContent-ID: <loc42@caller.example>\r\n\r\n"
                    + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" "
                    + "xmlns:gml=\"http://www.opengis.net/gml\" xmlns:gs=\"http://www.opengis.net/pidflo/1.0\" "
                    + "xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" entity=\"pres:081234567890@caller.example\">\n"
                    + "  <dm:device id=\"handset\">\n    <gp:geopriv>\n      <gp:location-info>\n"
                    + "        <gs:Circle srsName=\"urn:ogc:def:crs:EPSG::4326\">\n          <gml:pos>-7.71560 110.35580</gml:pos>\n"
                    + "          <gs:radius uom=\"urn:ogc:def:uom:EPSG::9001\">15</gs:radius>\n        </gs:Circle>\n"
                    + "      </gp:location-info>\n      <gp:usage-rules/>\n      <gp:method>GPS</gp:method>\n    </gp:geopriv>\n"
                    + "    <dm:timestamp>2026-11-28T20:00:00Z</dm:timestamp>\n  </dm:device>\n</presence>\r\n--siaga-boundary--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (!PidfLoParser.fromInvite(geolocation, contentType, body).located()) {
                throw new IllegalStateException("benchmark INVITE not located: " + PidfLoParser.fromInvite(geolocation, contentType, body));
            }
        }
    }

    @Benchmark
    public PidfLoResult inviteWithCircle(Invite invite) {
        return PidfLoParser.fromInvite(invite.geolocation, invite.contentType, invite.body);
    }
}
