package id.siaga.telephony.recording;

import java.util.Arrays;

/**
 * Places one side's packets on the capture's clock, in runs. Within a run (one SSRC, timestamps that keep pace with
 * the capture) the RTP timestamp says exactly where each packet's audio belongs, so jitter and reordering do not move
 * it and a lost packet leaves its own length of silence. The whole run sits at its least-delayed packet: its offset is
 * the smallest (capture time − timestamp time) of its packets, known once the file is read ({@link Runs}). A new run
 * starts with a new SSRC, and with a packet more than {@link #RESYNC_NANOS} away from where the run's timestamps put
 * it (a sender that reset or jumped its timestamps, a sender clock that drifted, a long pause the timestamps do not
 * show): that packet is anchored at its own capture time.
 */
final class StreamClock {

    /** One G.711 sample at 8 kHz. */
    static final long NANOS_PER_SAMPLE = 125_000L;
    /** How far a packet may be from where its run's timestamps put it before a new run starts at its arrival. */
    static final long RESYNC_NANOS = 250_000_000L;
    /** A timestamp further from the run's first than a year of samples is nonsense; it starts a run (and keeps the sums small). */
    private static final long MAX_SPAN_SAMPLES = 8_000L * 86_400L * 366L;

    /** The runs of both sides: each one's offset on the capture's clock. */
    static final class Runs {
        private long[] offsets = new long[16];
        private int count;

        int open(long offset) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count] = offset;
            return count++;
        }

        void lower(int run, long offset) {
            offsets[run] = Math.min(offsets[run], offset);
        }

        /** Where the run's timestamp zero lies on the capture's clock (nanoseconds). */
        long offset(int run) {
            return offsets[run];
        }
    }

    private final Runs runs;
    private int run = -1;
    private int ssrc;
    private long lastTimestamp;
    private long unwrapped;
    private long relative;

    StreamClock(Runs runs) {
        this.runs = runs;
    }

    /**
     * Puts a packet in its run; returns the run. {@link #relative()} is then where the packet plays relative to the
     * run's offset.
     */
    int place(long arrivalNanos, int packetSsrc, long timestamp) {
        if (run < 0 || packetSsrc != ssrc) {
            ssrc = packetSsrc;
            lastTimestamp = timestamp;
            return open(arrivalNanos);
        }
        unwrapped += (int) (timestamp - lastTimestamp);   // the 32-bit difference, signed: wrap-around and reordering
        lastTimestamp = timestamp;
        if (Math.abs(unwrapped) > MAX_SPAN_SAMPLES) {
            return open(arrivalNanos);
        }
        relative = unwrapped * NANOS_PER_SAMPLE;
        long offset = arrivalNanos - relative;
        long late = offset - runs.offset(run);
        if (late > RESYNC_NANOS || late < -RESYNC_NANOS) {
            return open(arrivalNanos);
        }
        runs.lower(run, offset);
        return run;
    }

    /** Where the last packet plays, relative to its run's offset (nanoseconds). */
    long relative() {
        return relative;
    }

    private int open(long arrivalNanos) {
        unwrapped = 0;
        relative = 0;
        run = runs.open(arrivalNanos);
        return run;
    }
}
