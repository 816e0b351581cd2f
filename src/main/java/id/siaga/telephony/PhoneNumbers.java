package id.siaga.telephony;

import id.siaga.location.IndonesianNumbers;

/**
 * Caller numbers as the call pipeline keys them: {@link IndonesianNumbers#normalize} ({@code +62812…}), with
 * {@value #ANONYMOUS} for a withheld or unreadable number, so a caller's history and AML reports are found
 * whichever trunk the call came in on.
 */
public final class PhoneNumbers {

    public static final String ANONYMOUS = "anonymous";

    private PhoneNumbers() {
    }

    public static String normalize(String raw) {
        return IndonesianNumbers.normalize(raw).orElse(ANONYMOUS);
    }

    /** The national way of writing it ({@code 0812…}), for operators' screens. */
    public static String national(String normalized) {
        return normalized.startsWith("+62") ? "0" + normalized.substring(3) : normalized;
    }
}
