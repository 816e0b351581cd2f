package id.siaga.incident;

/** The caps on free text an incident keeps, and the checks that apply them (stripped; blank counts as absent). */
final class Texts {

    static final int MAX_REASON = 500;
    static final int MAX_ADDRESS = 500;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CALLER_NAME = 200;
    static final int MAX_CALLER_NUMBER = 32;
    static final int MAX_ACTOR = 128;

    private Texts() {
    }

    /** The stripped text, or null when absent or blank; too long is refused, naming the field. */
    static String optional(String field, String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, got " + t.length());
        }
        return t;
    }

    static String required(String field, String text, int max) {
        String t = optional(field, text, max);
        if (t == null) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return t;
    }
}
