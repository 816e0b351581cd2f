package id.siaga.telephony;

import id.siaga.org.Station;
import id.siaga.org.StationId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The gate, never a block (issue 16): a call whose caller's number is flagged by its reputation, at a station that
 * turned the gate on, first hears "Jika ini keadaan darurat, tekan 1" ({@link #PROMPT}) before any phone rings.
 * Pressing 1 sends it on at once, marked confirmed, at normal priority; no key within {@code keyWait} still sends it on,
 * offered behind the calls without the mark when an operator frees; a caller who hangs up at the gate has abandoned,
 * with the call-back task every abandoned call gets. No outcome refuses, drops or ends a call.
 *
 * <p>The gate speaks through the media plane: without one ({@code mediaPlane} false) it is off, and every flagged
 * call at a gate station says so in its journal ({@code GateSkipped}), as does a call the media plane could not take.
 *
 * @param stations   where the gate is on: a station listed turns it on for its whole subtree (a Polda for all its Polres,
 *                   the root for the whole country)
 * @param keyWait    from the prompt's start to the call going on without a key
 * @param mediaPlane whether a media plane plays the prompt and hears the key
 */
public record Gate(Set<StationId> stations, Duration keyWait, boolean mediaPlane) {

    /** The name of the gate's prompt (its WAV and text under {@code media/prompts/}). */
    public static final String PROMPT = "gerbang";
    /** The key that confirms an emergency at the gate. */
    public static final String CONFIRM_KEY = "1";
    /** Off everywhere: the default. */
    public static final Gate OFF = new Gate(Set.of(), Duration.ofSeconds(10), false);

    public Gate {
        stations = Set.copyOf(Objects.requireNonNull(stations, "stations"));
        Objects.requireNonNull(keyWait, "keyWait");
        if (keyWait.compareTo(Duration.ofSeconds(5)) < 0 || keyWait.compareTo(Duration.ofSeconds(30)) > 0) {
            // shorter than the prompt cannot be answered; longer keeps a real caller from a phone for too long
            throw new IllegalArgumentException("the gate's wait must be between 5 and 30 seconds, got " + keyWait.toMillis() / 1000.0 + " s");
        }
    }

    /** Whether a station turned the gate on for a call whose chain (responsible station first, up to the root) is this. */
    boolean on(List<Station> chain) {
        return chain.stream().anyMatch(s -> stations.contains(s.id()));
    }

    /** The same gate, with or without a media plane to speak through. */
    public Gate withMediaPlane(boolean on) {
        return new Gate(stations, keyWait, on);
    }

    /** Whether any station turned it on. */
    public boolean configured() {
        return !stations.isEmpty();
    }
}
