package id.siaga.telephony.recording;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallRecorded;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call through the real rtpengine, recorded: the caller's phone sends a 440 Hz tone, the operator's a 1 kHz tone,
 * 2 s of G.711 each way through the relay; the call ends (the recording is asked for at once, before rtpengine has
 * torn the call down) and the kept WAV has the caller on the left and the operator on the right, for as long as they
 * talked, with its hash in the journal.
 */
class RtpengineRecordingTests {

    static final StationId SLEMAN = StationId.of("POLRES-3404");

    @TempDir
    Path tmp;
    Rtpengine rtpengine;
    Journal journal;
    InMemoryJournalStore journalStore = new InMemoryJournalStore();
    CallRecordings recordings;

    @BeforeEach
    void start() throws Exception {
        rtpengine = Rtpengine.start(tmp);
        journal = new Journal(journalStore, new JournalSpool(tmp.resolve("spool.jsonl")), Clock.systemUTC(), 100, 1_000, Duration.ofMillis(50));
        recordings = new CallRecordings(tmp.resolve("recordings"), Duration.ofDays(365), Duration.ofSeconds(45), new InMemoryRecordingStore(),
                journal, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (recordings != null) {
            recordings.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (rtpengine != null) {
            rtpengine.close();
        }
    }

    static String sdp(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 0 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n";
    }

    static int audioPort(String sdp) {
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("m=audio ")) {
                return Integer.parseInt(line.split(" ")[1]);
            }
        }
        throw new AssertionError("no m=audio in " + sdp);
    }

    /** G.711 µ-law of a 16-bit sample. */
    static byte ulaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        return (byte) ~(sign | exponent << 4 | (magnitude >> (exponent + 3)) & 0x0f);
    }

    static byte[] rtp(int sequence, long timestamp, int ssrc, double hz) {
        ByteBuffer b = ByteBuffer.allocate(12 + 160);
        b.put((byte) 0x80).put((byte) (sequence == 0 ? 0x80 : 0)).putShort((short) sequence).putInt((int) timestamp).putInt(ssrc);
        for (int k = 0; k < 160; k++) {
            b.put(ulaw((int) (8000 * Math.sin(2 * Math.PI * hz * (sequence * 160 + k) / 8000))));
        }
        return b.array();
    }

    @Test
    void aCallThroughRtpengineIsKeptCallerLeftOperatorRight() throws Exception {
        String callId = "siaga-" + System.nanoTime();
        try (DatagramSocket caller = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket operator = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Map<String, Object> offer = rtpengine.command(Map.of("command", "offer", "call-id", callId, "from-tag", "caller",
                    "sdp", sdp(caller.getLocalPort()), "record call", "yes"));
            assertThat(Rtpengine.text(offer.get("result"))).isEqualTo("ok");
            Path pcap = Path.of(Rtpengine.text(((List<?>) offer.get("recordings")).get(0)));
            assertThat(pcap.getParent()).isEqualTo(rtpengine.recordingDir.resolve("pcaps"));
            Map<String, Object> answer = rtpengine.command(Map.of("command", "answer", "call-id", callId, "from-tag", "caller",
                    "to-tag", "operator", "sdp", sdp(operator.getLocalPort())));
            String toCaller = Rtpengine.text(answer.get("sdp"));
            int callerSendsTo = audioPort(toCaller);
            int operatorSendsTo = audioPort(Rtpengine.text(offer.get("sdp")));

            long next = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                byte[] c = rtp(i, 1000 + 160L * i, 0x1111, 440);
                byte[] o = rtp(i, 900_000 + 160L * i, 0x2222, 1000);
                caller.send(new DatagramPacket(c, c.length, InetAddress.getLoopbackAddress(), callerSendsTo));
                operator.send(new DatagramPacket(o, o.length, InetAddress.getLoopbackAddress(), operatorSendsTo));
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }

            CallId call = new CallId(callId);
            // the call ends: the recording is asked for, then rtpengine is told to tear the call down
            CompletableFuture<CallRecordings.Outcome> done = recordings.record(call, SLEMAN, pcap, CallerMedia.fromRelaySdp(toCaller).orElseThrow());
            assertThat(Rtpengine.text(rtpengine.command(Map.of("command", "delete", "call-id", callId, "delete delay", 0)).get("result")))
                    .isEqualTo("ok");
            CallRecordings.Outcome.Kept kept = (CallRecordings.Outcome.Kept) done.get(60, TimeUnit.SECONDS);

            assertThat(kept.audio().complete()).as("rtpengine closed the pcap").isTrue();
            assertThat(kept.audio().callerPackets()).isEqualTo(100);
            assertThat(kept.audio().operatorPackets()).isEqualTo(100);
            assertThat(kept.recording().duration()).as("2 s of talk each way").isBetween(Duration.ofMillis(2_000), Duration.ofMillis(2_100));
            Path file = recordings.find(call).orElseThrow().file();
            byte[] wav = Files.readAllBytes(file);
            CallRecorded journalled = CallEvents.all(journalStore.bySubject(SubjectKind.CALL, callId, 10), CallRecorded.class).get(0);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav))).isEqualTo(journalled.sha256());
            assertThat(journalled.bytes()).isEqualTo(wav.length);
            Wav w = Wav.read(wav);
            int n = w.frames();
            assertThat(Wav.power(w.left(), 0, n, 440)).as("left: the caller").isGreaterThan(100 * Wav.power(w.left(), 0, n, 1000));
            assertThat(Wav.power(w.right(), 0, n, 1000)).as("right: the operator").isGreaterThan(100 * Wav.power(w.right(), 0, n, 440));
        }
    }
}
