package id.siaga.location;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An AML SMS (ETSI TS 103 625, "ELS V1" in Android's words), as the SMS gateway hands it over: the decoded
 * text and the sender's number, e.g.
 * <pre>A"ML=1;lt=-7.71560;lg=+110.35580;rd=14;top=20261128101530;lc=68;pm=G;si=510100000000000;ei=356938035643809;mcc=510;mnc=10;ml=128</pre>
 *
 * <p>What is checked, and why:
 * <ul>
 * <li>{@code ml} is the length of the whole message, the header and the {@code ml=…} field itself included
 *     (Android's ELS reference: "Length of message (including message length and header)"; the example
 *     above is 128 characters). It is the only guard against a message cut short or run together with
 *     another, so it is required and must match exactly. Line breaks a gateway appends are not counted.</li>
 * <li>The text is printable ASCII: the fields are digits, signs and letters, and the 7-bit SMS alphabet
 *     decodes them to ASCII; anything else is binary or a wrong decoding, whose digits cannot be trusted.</li>
 * <li>Duplicate keys are refused: which {@code lt} would be the caller's? Unknown keys are skipped, so a
 *     later version's additions do not cost a caller their position.</li>
 * <li>"None" values: {@code lt} and {@code lg} both zero ({@code +00.00000}, also written {@code +000.00000})
 *     mean no position; a zero latitude alone is a real place (Pontianak lies on the equator).
 *     {@code rd=N} is no radius (the fix's uncertainty is NaN, unknown), {@code lc=0} no confidence,
 *     {@code pm=N} no method.</li>
 * <li>{@code top} is {@code yyyyMMddHHmmss} in UTC.</li>
 * </ul>
 * A malformed position field ({@code lt}, {@code lg}, {@code rd}, {@code top}), the header or {@code ml}
 * rejects the message; a malformed field about the handset ({@code si}, {@code ei}, {@code lc}, …) is
 * dropped and listed in {@link AmlReport#ignored()}.
 */
public final class AmlSmsParser {

    /**
     * One SMS holds 160 characters and an AML message fits in one, but a gateway may hand over a reassembled
     * concatenated message; a kilobyte leaves room for that and for later versions' fields, and no more.
     */
    public static final int MAX_CHARACTERS = 1024;
    static final String HEADER = "A\"ML=";

    // the keys this version reads, by index into the parsed values
    private static final String[] KEYS = {"A\"ML", "lt", "lg", "rd", "top", "lc", "pm", "si", "ei", "mcc", "mnc", "ml"};
    private static final int VERSION = 0;
    private static final int LT = 1;
    private static final int LG = 2;
    private static final int RD = 3;
    private static final int TOP_KEY = 4;
    private static final int LC = 5;
    private static final int PM = 6;
    private static final int SI = 7;
    private static final int EI = 8;
    private static final int MCC = 9;
    private static final int MNC = 10;
    private static final int ML = 11;

    private AmlSmsParser() {
    }

    /**
     * Reads one AML SMS.
     *
     * @param text   the message text as decoded by the SMS gateway; {@code null} or empty is rejected
     * @param sender the originating address (the caller's number) in any common form; {@code null} when the
     *               gateway did not give one
     */
    public static AmlResult parse(String text, String sender) {
        if (text == null || text.isEmpty()) {
            return AmlResult.rejected("empty AML SMS");
        }
        if (text.length() > MAX_CHARACTERS) {
            return AmlResult.rejected("AML SMS of " + text.length() + " characters exceeds " + MAX_CHARACTERS);
        }
        try {
            return AmlResult.accepted(read(text, sender));
        } catch (UnusableLocation e) {
            return AmlResult.rejected(e.getMessage());
        } catch (RuntimeException e) {
            return AmlResult.rejected(AmlValues.bug(e));
        }
    }

    private static AmlReport read(String text, String sender) throws UnusableLocation {
        String message = withoutTrailingLineBreaks(text);
        requirePrintableAscii(message);
        if (!message.startsWith(HEADER)) {
            throw new UnusableLocation("not an AML message: it does not start with A\"ML= but " + UnusableLocation.shown(message, 20));
        }
        String[] values = fields(message);
        if (!"1".equals(values[VERSION])) {
            throw new UnusableLocation("AML version " + UnusableLocation.shown(values[VERSION]) + " is not supported (this reads version 1)");
        }
        String ml = values[ML];
        if (ml == null) {
            throw new UnusableLocation("no ml= field: the message may be truncated (" + message.length() + " characters)");
        }
        if (!AmlValues.digits(ml, 1, 4)) {
            throw new UnusableLocation("ml " + UnusableLocation.shown(ml) + " is not a length");
        }
        if (Integer.parseInt(ml) != message.length()) {
            throw new UnusableLocation("ml=" + ml + " but the message is " + message.length() + " characters");
        }

        List<String> ignored = new ArrayList<>();
        PositioningMethod method = method(values[PM], ignored);
        double radius = values[RD] == null || values[RD].equals("N") ? Double.NaN : AmlValues.radius("rd", values[RD]);
        Optional<Instant> measuredAt = values[TOP_KEY] == null ? Optional.empty() : Optional.of(top(values[TOP_KEY]));
        Optional<LocationFix> fix = Optional.empty();
        String noFix;
        String lt = values[LT];
        String lg = values[LG];
        if (lt == null || lg == null) {
            noFix = lt == null && lg == null ? "no lt/lg: the message carries no position"
                    : (lt == null ? "lg without lt" : "lt without lg") + ": no position";
        } else {
            double latitude = AmlValues.latitude("lt", lt);
            double longitude = AmlValues.longitude("lg", lg);
            if (latitude == 0 && longitude == 0) {
                noFix = "lt/lg are " + lt + "/" + lg + ": the handset had no position";
            } else {
                fix = Optional.of(new LocationFix(latitude, longitude, radius, LocationSource.AML, method.word(), measuredAt));
                noFix = "";
            }
        }
        return new AmlReport(AmlTransport.SMS, fix, noFix, method, confidence(values[LC], ignored), AmlReport.Motion.UNKNOWN,
                AmlValues.callerNumber(sender, ignored), handset(values, ignored), AmlValues.network(values[MCC], values[MNC], ignored),
                AmlReport.Trigger.UNKNOWN, ignored);
    }

    /** The values of the known keys by index, {@code null} when absent; throws on a malformed or repeated field. */
    private static String[] fields(String message) throws UnusableLocation {
        String[] values = new String[KEYS.length];
        Set<String> otherKeys = null;
        int start = 0;
        while (start < message.length()) {
            int end = message.indexOf(';', start);
            if (end < 0) {
                end = message.length();
            }
            if (end == start) {
                throw new UnusableLocation("empty field at character " + (start + 1) + " (';;')");
            }
            int equals = message.indexOf('=', start);
            if (equals < 0 || equals >= end || equals == start) {
                throw new UnusableLocation("field " + UnusableLocation.shown(message.substring(start, end)) + " is not key=value");
            }
            String key = message.substring(start, equals);
            String value = message.substring(equals + 1, end);
            int known = indexOf(key);
            if (known >= 0) {
                if (values[known] != null) {
                    throw new UnusableLocation("key " + key + " appears twice");
                }
                values[known] = value;
            } else {
                if (otherKeys == null) {
                    otherKeys = new HashSet<>();
                }
                if (!otherKeys.add(key)) {
                    throw new UnusableLocation("key " + UnusableLocation.shown(key) + " appears twice");
                }
            }
            start = end + 1; // a final ';' ends the loop: tolerated, as it changes no field
        }
        return values;
    }

    private static int indexOf(String key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code yyyyMMddHHmmss} in UTC, read field by field (a DateTimeFormatter costs kilobytes per message). */
    private static Instant top(String value) throws UnusableLocation {
        if (!AmlValues.digits(value, 14, 14)) {
            throw new UnusableLocation("top " + UnusableLocation.shown(value) + " is not yyyyMMddHHmmss");
        }
        Instant at;
        try {
            at = LocalDateTime.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8), number(value, 8, 10),
                    number(value, 10, 12), number(value, 12, 14)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new UnusableLocation("top " + UnusableLocation.shown(value) + " is not a date and time (yyyyMMddHHmmss)");
        }
        if (at.isBefore(AmlValues.EARLIEST) || !at.isBefore(AmlValues.LATEST)) {
            throw new UnusableLocation("top " + UnusableLocation.shown(value) + " is not between 2000 and 2100");
        }
        return at;
    }

    private static int number(String digits, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (digits.charAt(i) - '0');
        }
        return n;
    }

    private static PositioningMethod method(String pm, List<String> ignored) {
        if (pm == null) {
            return PositioningMethod.UNKNOWN;
        }
        PositioningMethod method = PositioningMethod.ofSmsCode(pm);
        if (method == PositioningMethod.UNKNOWN && !pm.equals("U")) {
            ignored.add("pm " + UnusableLocation.shown(pm) + " is not G, W, C, N or U");
        }
        return method;
    }

    /** {@code lc}: percent, 0 meaning none. */
    private static OptionalDouble confidence(String lc, List<String> ignored) {
        if (lc == null) {
            return OptionalDouble.empty();
        }
        try {
            double percent = AmlValues.decimal("lc", lc);
            if (percent == 0) {
                return OptionalDouble.empty();
            }
            if (percent > 0 && percent <= 100) {
                return OptionalDouble.of(percent);
            }
            ignored.add("lc " + UnusableLocation.shown(lc) + " is not a percentage");
        } catch (UnusableLocation e) {
            ignored.add(e.getMessage());
        }
        return OptionalDouble.empty();
    }

    private static AmlReport.Handset handset(String[] values, List<String> ignored) {
        return new AmlReport.Handset(AmlValues.identifier("si", values[SI], AmlValues::isImsi, "an IMSI", ignored),
                AmlValues.identifier("ei", values[EI], AmlValues::isImei, "an IMEI", ignored), Optional.empty(), Optional.empty());
    }

    private static String withoutTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static void requirePrintableAscii(String message) throws UnusableLocation {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new UnusableLocation(String.format("character U+%04X at position %d is not printable ASCII:"
                        + " an AML SMS is plain text (binary, or decoded with the wrong alphabet?)", (int) c, i + 1));
            }
        }
    }
}
