package id.siaga.location;

import java.util.Locale;
import java.util.Optional;

/**
 * Indonesian phone numbers in the one form the rest of Siaga 110 keys on: international with a plus
 * ({@code +62812…}, {@code +62274…}). An AML SMS sender, an HTTPS {@code device_number} and a SIP caller id
 * arrive as {@code 0812…}, {@code 62812…}, {@code +62812…}, {@code tel:} or {@code sip:} URIs; all come out
 * the same, so an AML report finds the call it belongs to.
 *
 * <p>The call pipeline's {@code PhoneNumbers} uses these rules, writing "anonymous" where this says
 * {@link Optional#empty()}.
 */
public final class IndonesianNumbers {

    private static final int MIN_DIGITS = 3;
    private static final int MAX_DIGITS = 20;

    private IndonesianNumbers() {
    }

    /**
     * The number as {@code +62…}; other countries' numbers keep their own {@code +cc}; short codes
     * ({@code 110}) stay as dialled; empty when there is no number in it.
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("tel:")) {
            s = s.substring(4);
        } else if (s.startsWith("sip:") || s.startsWith("sips:")) {
            s = s.substring(s.indexOf(':') + 1);
            int at = s.indexOf('@');
            if (at >= 0) {
                s = s.substring(0, at);
            }
        }
        int semi = s.indexOf(';');
        if (semi >= 0) {
            s = s.substring(0, semi);
        }
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && kept.isEmpty()) {
                kept.append(c);
            } else if (c >= '0' && c <= '9') {
                kept.append(c);
            } else if (!isSeparator(c)) {
                return Optional.empty(); // a letter, a second '+': not a number
            }
        }
        int digits = kept.length() - (kept.indexOf("+") == 0 ? 1 : 0);
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return Optional.empty();
        }
        String n = kept.toString();
        if (n.startsWith("+")) {
            return Optional.of(n);
        }
        if (n.startsWith("0")) {
            return Optional.of("+62" + n.substring(1));
        }
        if (n.startsWith("62") && n.length() >= 9) {
            return Optional.of("+" + n);
        }
        return Optional.of(n);
    }

    /** What people and carriers put between digits: ASCII white space, brackets, dots, dashes. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '(' || c == ')'
                || c == '.' || c == '-';
    }

    /** Whether a normalised number is an Indonesian mobile number ({@code +628…}): it says nothing about where its owner is. */
    public static boolean isMobile(String normalized) {
        return normalized.startsWith("+628");
    }
}
