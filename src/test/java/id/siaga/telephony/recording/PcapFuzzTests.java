package id.siaga.telephony.recording;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkReason;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A recording's pcap fuzzed (docs/FUZZING.md): whatever the file holds, the converter writes a WAV whose size its
 * header and its answer agree on, within the longest recording it was given, or refuses the file with a reason; it
 * never throws anything else and never runs away with memory or disk (a 10-second limit here).
 */
class PcapFuzzTests {

    private static final Duration LONGEST = Duration.ofSeconds(10);

    static Stream<byte[]> pcap() {
        byte[] tones = Fuzzing.resource("media/rtpengine-pcmu-tones.pcap");
        byte[] loss = Fuzzing.resource("media/rtpengine-pcma-loss.pcap");
        return Stream.concat(Fuzzing.seeds("media/", "rtpengine-pcmu-tones-in-progress.pcap"),
                // the first packets of each call: short inputs the fuzzer mutates quickly
                Stream.of(Arrays.copyOf(tones, 24 + 12 * 216), Arrays.copyOf(loss, 24 + 6 * 216),
                        Captures.bigEndianNanosecondEthernet(Arrays.copyOf(tones, 24 + 4 * 216))));
    }

    @MethodSource
    @FuzzTest
    void pcap(byte[] input) throws IOException {
        CountingSink wav = new CountingSink();
        CallAudio audio;
        try {
            audio = new PcapToWav(LONGEST).convert(input, CallerMedia.sentTo(41068), wav);
        } catch (UnreadableRecordingException e) {
            checkReason(e.getMessage(), "pcap");
            check(wav.bytes == 0, () -> "a refused pcap wrote " + wav.bytes + " bytes");
            return;
        }
        long samples = audio.samples();
        check(samples > 0 && samples <= LONGEST.toSeconds() * 8000, () -> "a WAV of " + samples + " frames");
        check(wav.bytes == 44 + 4 * samples, () -> "wrote " + wav.bytes + " bytes for " + samples + " frames");
        check(audio.callerPackets() + audio.operatorPackets() > audio.cutOffPackets(), () -> "a WAV with no packet in it: " + audio);
        if (!audio.complete()) {
            checkReason(audio.endProblem(), "pcap end");
        }
    }

    /** Counts what the converter writes, keeping none of it. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
