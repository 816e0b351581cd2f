package id.siaga.location;

/**
 * Why a location message could not be used; thrown deep in the parsers and turned into
 * {@link PidfLoResult#problem()} at the public entry points, so it never escapes the package. Checked, so
 * no parser path can forget it; no stack trace, because it is an expected outcome on hostile input, not a bug.
 */
final class UnusableLocation extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_CHARACTERS = 60;

    UnusableLocation(String message) {
        super(message, null, false, false);
    }

    /**
     * Caller-supplied text made safe to put in a problem message, a log line or the journal: quoted, control
     * characters (line breaks that could forge log lines) replaced, and cut short.
     */
    static String shown(String text) {
        return shown(text, SHOWN_CHARACTERS);
    }

    /** {@link #shown(String)}, cut at {@code limit} characters. */
    static String shown(String text, int limit) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < limit; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append(text.length() > limit ? "…'" : "'").toString();
    }
}
