package id.siaga.telephony.registrar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parameters of an {@code Authorization: Digest …} value (RFC 7616 §3.4, RFC 3261 §25.1):
 * comma-separated {@code name=value} pairs in any order, names case-insensitive, values either a token or
 * a quoted string in which {@code \} escapes the next character (so quotes and commas may appear inside).
 * Values are returned unquoted; the caller decides which names it needs. Anything else is refused with a
 * reason rather than guessed at: a header the phone's stack wrote is always well formed, so a malformed
 * one is a bug or an attack, and a lenient parser is where those two find a way in.
 */
final class DigestHeaderParser {

    /** Real Authorization values are 200-600 characters; this bounds the work an attacker can cause. */
    static final int MAX_LENGTH = 4096;
    static final int MAX_PARAMETERS = 32;

    private final String s;
    private int i;

    private DigestHeaderParser(String s) {
        this.s = s;
    }

    /** The parameters by lower-case name, or {@link Malformed} saying what is wrong. */
    static Map<String, String> parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw new Malformed("empty Authorization value");
        }
        if (headerValue.length() > MAX_LENGTH) {
            throw new Malformed("Authorization value of " + headerValue.length() + " characters, over " + MAX_LENGTH);
        }
        return new DigestHeaderParser(headerValue).parameters();
    }

    private Map<String, String> parameters() {
        skipSpace();
        String scheme = token();
        if (!scheme.equalsIgnoreCase("Digest")) {
            throw new Malformed("scheme is not Digest: " + printable(scheme.isEmpty() ? s.trim() : scheme));
        }
        if (i < s.length() && !isSpace(s.charAt(i))) {
            throw new Malformed("no space after the Digest scheme");
        }
        Map<String, String> params = new HashMap<>();
        while (true) {
            skipSpaceAndCommas();
            if (i >= s.length()) {
                return params;
            }
            String name = token().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new Malformed("expected a parameter name at character " + i);
            }
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '=') {
                throw new Malformed("parameter " + printable(name) + " has no '='");
            }
            i++;
            skipSpace();
            boolean isQuoted = i < s.length() && s.charAt(i) == '"';
            String value = isQuoted ? quoted(name) : token();
            if (!isQuoted && value.isEmpty()) {
                throw new Malformed("parameter " + printable(name) + " has no value");
            }
            if (params.put(name, value) != null) {
                throw new Malformed("parameter " + printable(name) + " appears twice");
            }
            if (params.size() > MAX_PARAMETERS) {
                throw new Malformed("more than " + MAX_PARAMETERS + " parameters");
            }
            skipSpace();
            if (i < s.length() && s.charAt(i) != ',') {
                throw new Malformed("expected ',' after parameter " + printable(name) + " at character " + i);
            }
        }
    }

    private String quoted(String name) {
        StringBuilder out = new StringBuilder();
        i++; // opening quote
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    break;
                }
                c = s.charAt(i++);
            }
            if (isControl(c)) {
                throw new Malformed("control character in parameter " + printable(name));
            }
            out.append(c);
        }
        throw new Malformed("unbalanced quotes in parameter " + printable(name));
    }

    /** RFC 7230 tchar: letters, digits and {@code !#$%&'*+-.^_`|~}. */
    private String token() {
        int start = i;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    private void skipSpace() {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
    }

    /** The #rule allows empty list elements, so ", ," between parameters is legal. */
    private void skipSpaceAndCommas() {
        while (i < s.length() && (isSpace(s.charAt(i)) || s.charAt(i) == ',')) {
            i++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** At most 40 characters of what the phone sent, printable only, fit for a log line. */
    static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < raw.length() && out.length() < 40; k++) {
            char c = raw.charAt(k);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + out + (raw.length() > 40 ? "…'" : "'");
    }

    /** The value is not a well-formed Digest credential; the message says why. */
    static final class Malformed extends RuntimeException {

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
