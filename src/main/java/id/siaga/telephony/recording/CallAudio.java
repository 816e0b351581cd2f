package id.siaga.telephony.recording;

import java.time.Duration;

/**
 * What a converted recording holds: {@code samples} stereo frames at 8 kHz (caller left, operator right) from the first
 * RTP packet of either side to the end of the last, and how many packets went where.
 *
 * @param samples         frames in the WAV (one 16-bit sample per channel each)
 * @param callerPackets   G.711 packets placed on the left channel
 * @param operatorPackets G.711 packets placed on the right channel
 * @param otherPackets    packets not placed: RTCP, telephone-events (RFC 4733), comfort noise, other codecs, non-RTP
 * @param cutOffPackets   G.711 packets beyond the longest recording the converter writes, left out
 * @param endProblem      why the reading stopped before the end of the pcap (a file cut off by a crash, a record that
 *                        makes no sense); null when the whole file was read
 * @param start           when the WAV's first frame was heard at the relay, by the capturing clock (rtpengine's host):
 *                        where a moment of the call, such as its answer, falls in the recording
 */
public record CallAudio(long samples, int callerPackets, int operatorPackets, int otherPackets, int cutOffPackets, String endProblem,
                        java.time.Instant start) {

    /** How long the recording plays. */
    public Duration duration() {
        return Duration.ofNanos(samples * StreamClock.NANOS_PER_SAMPLE);
    }

    /** The frame of the WAV at {@code at} (negative before the recording starts). */
    public long frameAt(java.time.Instant at) {
        long nanos = java.time.Duration.between(start, at).toNanos();
        return Math.floorDiv(nanos, StreamClock.NANOS_PER_SAMPLE);
    }

    /** Whether the whole pcap was read (it was not cut off). */
    public boolean complete() {
        return endProblem == null;
    }
}
