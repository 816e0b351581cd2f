package id.siaga.telephony;

import java.util.Locale;

/**
 * Indonesian caller numbers in one form: international with a plus ({@code +62812…}). Carriers send
 * {@code 0812…}, {@code 62812…}, {@code +62812…}, {@code tel:} or {@code sip:} URIs; all come out the same,
 * so a caller's history is found whichever trunk the call came in on.
 */
public final class PhoneNumbers {

    public static final String ANONYMOUS = "anonymous";

    private PhoneNumbers() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return ANONYMOUS;
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
        s = s.replaceAll("[\\s().-]", "");
        if (!s.matches("\\+?\\d{3,20}")) {
            return ANONYMOUS;
        }
        if (s.startsWith("+")) {
            return s;
        }
        if (s.startsWith("0")) {
            return "+62" + s.substring(1);
        }
        if (s.startsWith("62") && s.length() >= 9) {
            return "+" + s;
        }
        return s; // short codes and service numbers stay as dialled
    }

    /** The national way of writing it ({@code 0812…}), for operators' screens. */
    public static String national(String normalized) {
        return normalized.startsWith("+62") ? "0" + normalized.substring(3) : normalized;
    }
}
