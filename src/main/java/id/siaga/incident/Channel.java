package id.siaga.incident;

import java.util.regex.Pattern;

/**
 * How the report reached the police: {@link #CALL_110} for a 110 call, or the name of another channel (a
 * police app such as {@code POLISIKU}, {@code BINMAS_ONLINE}, a walk-in) with that channel's own reference
 * for the report, so both sides can find it again.
 */
public record Channel(String name, String externalReference) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    static final int MAX_REFERENCE = 128;

    /** A 110 call; the incident then names the call. */
    public static final Channel CALL_110 = new Channel("CALL_110", null);

    public Channel {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel must be 2-32 capital letters, digits or '_' starting with a letter (e.g. POLISIKU), got '"
                    + name + "'");
        }
        if (externalReference != null) {
            externalReference = externalReference.strip();
            if (externalReference.isEmpty()) {
                externalReference = null;
            } else if (externalReference.length() > MAX_REFERENCE) {
                throw new IllegalArgumentException("external reference must be at most " + MAX_REFERENCE + " characters");
            }
        }
    }

    public static Channel external(String name, String externalReference) {
        Channel c = new Channel(name, externalReference);
        if (c.isCall()) {
            throw new IllegalArgumentException("channel CALL_110 is for incidents created from a 110 call (give callId)");
        }
        return c;
    }

    public boolean isCall() {
        return name.equals(CALL_110.name);
    }
}
