package id.siaga.telephony.recording;

/**
 * Places one side's packets on the capture's clock. Within a stream (one SSRC) the RTP timestamp says exactly where
 * each packet's audio belongs, so jitter and reordering do not move it and a lost packet leaves its own length of
 * silence; the capture time of the stream's first packet anchors the timestamps to the other side's. Two things move
 * the anchor:
 * <ul>
 * <li>a packet that arrives earlier than its timestamp says (the anchoring packet had been delayed): the anchor moves
 *     back to it, so the stream sits at its least-delayed packets;</li>
 * <li>a packet more than {@link #RESYNC_NANOS} away from where its timestamp says (a new SSRC, a sender that reset or
 *     jumped its timestamps, a sender clock that drifted, or a long pause the timestamps do not show): the stream is
 *     anchored again at that packet's capture time.</li>
 * </ul>
 */
final class StreamClock {

    /** One G.711 sample at 8 kHz. */
    static final long NANOS_PER_SAMPLE = 125_000L;
    /** How far a packet may be from where its timestamp puts it before the stream is anchored again at its arrival. */
    static final long RESYNC_NANOS = 250_000_000L;
    /** A timestamp further from the anchor than a year of samples is nonsense; it re-anchors (and keeps the sums small). */
    private static final long MAX_SPAN_SAMPLES = 8_000L * 86_400L * 366L;

    private boolean started;
    private int ssrc;
    private long lastTimestamp;
    private long unwrapped;
    private long anchorNanos;
    private long anchorSamples;

    /** Where on the capture's clock (nanoseconds) this packet's first sample plays. */
    long place(long arrivalNanos, int packetSsrc, long timestamp) {
        if (!started || packetSsrc != ssrc) {
            started = true;
            ssrc = packetSsrc;
            lastTimestamp = timestamp;
            unwrapped = 0;
            return anchor(arrivalNanos);
        }
        unwrapped += (int) (timestamp - lastTimestamp);   // the 32-bit difference, signed: wrap-around and reordering
        lastTimestamp = timestamp;
        long span = unwrapped - anchorSamples;
        if (Math.abs(span) > MAX_SPAN_SAMPLES) {
            return anchor(arrivalNanos);
        }
        long at = anchorNanos + span * NANOS_PER_SAMPLE;
        long late = arrivalNanos - at;
        if (late > RESYNC_NANOS || late < -RESYNC_NANOS) {
            return anchor(arrivalNanos);
        }
        if (late < 0) {
            anchorNanos += late;
            return arrivalNanos;
        }
        return at;
    }

    private long anchor(long arrivalNanos) {
        anchorNanos = arrivalNanos;
        anchorSamples = unwrapped;
        return arrivalNanos;
    }
}
