package id.siaga.location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The caller's serving cell from a SIP {@code P-Access-Network-Info} header (RFC 7315 §5.4, with the
 * 3GPP access types and cell parameters of 3GPP TS 24.229 §7.2A.4), e.g.
 * <pre>3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=51010 00A1 B2C3D4E  (spaces added: MCC MNC TAC ECI)</pre>
 *
 * <p>The cell parameter is MCC, MNC, area code and cell identity run together, the MCC and MNC in decimal
 * digits, the rest in hexadecimal digits of fixed width:
 * <table>
 * <caption>Layouts by access type</caption>
 * <tr><th>access type</th><th>parameter</th><th>area code</th><th>cell identity</th></tr>
 * <tr><td>3GPP-GERAN</td><td>cgi-3gpp</td><td>LAC, 4 hex</td><td>CI, 4 hex</td></tr>
 * <tr><td>3GPP-UTRAN-FDD/TDD</td><td>utran-cell-id-3gpp</td><td>LAC, 4 hex</td><td>UC-Id, 7 hex</td></tr>
 * <tr><td>3GPP-E-UTRAN-FDD/TDD</td><td>utran-cell-id-3gpp</td><td>TAC, 4 hex (6 on a 5G core)</td><td>ECI, 7 hex</td></tr>
 * <tr><td>3GPP-NR-FDD/TDD</td><td>utran-cell-id-3gpp</td><td>TAC, 6 hex</td><td>NCI, 9 hex</td></tr>
 * </table>
 * 5G reuses {@code utran-cell-id-3gpp}; there is no separate NR parameter. Hex digits may be in either case.
 *
 * <p><b>Two or three MNC digits.</b> Nothing in the string marks where the MNC ends. The rule:
 * <ol>
 * <li>When the list of known networks ({@link MncLengths}; for Indonesia, MCC 510, always two digits)
 *     knows the MCC, its MNC length is used, and a string whose length fits only the other MNC length is
 *     refused: its digits cannot be split with confidence, and a wrong split names another network's cell.</li>
 * <li>Otherwise the string's length decides: the widths above make every length belong to at most one
 *     MNC length (E-UTRAN: 16 = 2+4+7, 17 = 3+4+7, 18 = 2+6+7, 19 = 3+6+7 after the MCC's 3).</li>
 * </ol>
 *
 * <p>A header may hold several access-info entries, comma separated; one the network inserted
 * ({@code network-provided}) is preferred to one the phone wrote, as the phone's can be forged. Entries of
 * other access types (IEEE-802.11, DSL) carry no cell and are passed over.
 */
public final class AccessNetworkInfoParser {

    /** A real header is under 200 characters; the cap bounds the work a hostile one costs. */
    public static final int MAX_LENGTH = 2048;
    static final int MAX_ENTRIES = 8;
    static final String CGI = "cgi-3gpp";
    static final String UTRAN_CELL_ID = "utran-cell-id-3gpp";

    private static final int[][] GSM_LAYOUTS = {{4, 4}};
    private static final int[][] UMTS_LAYOUTS = {{4, 7}};
    private static final int[][] LTE_LAYOUTS = {{4, 7}, {6, 7}};
    private static final int[][] NR_LAYOUTS = {{6, 9}};

    private AccessNetworkInfoParser() {
    }

    /** The serving cell, splitting MCC and MNC as Indonesia's networks do ({@link MncLengths#INDONESIA}). */
    public static CellIdentityResult parse(String header) {
        return parse(header, MncLengths.INDONESIA);
    }

    /**
     * The serving cell.
     *
     * @param header     the header value(s), several headers joined with ", "; {@code null} when there is none
     * @param mncLengths the MNC length per MCC (see the class comment for how it is used)
     */
    public static CellIdentityResult parse(String header, MncLengths mncLengths) {
        if (header == null || header.isBlank()) {
            return CellIdentityResult.none("no P-Access-Network-Info header");
        }
        if (header.length() > MAX_LENGTH) {
            return CellIdentityResult.none("P-Access-Network-Info of " + header.length() + " characters exceeds " + MAX_LENGTH);
        }
        try {
            List<String> entries = split(header, ',');
            if (entries.size() > MAX_ENTRIES) {
                return CellIdentityResult.none("P-Access-Network-Info has more than " + MAX_ENTRIES + " entries");
            }
            CellIdentityResult fromPhone = null;
            List<String> problems = new ArrayList<>();
            for (String entry : entries) {
                try {
                    CellIdentityResult found = entry(entry, mncLengths);
                    if (found.networkProvided()) {
                        return found;
                    }
                    if (fromPhone == null) {
                        fromPhone = found;
                    }
                } catch (UnusableLocation e) {
                    problems.add(e.getMessage());
                }
            }
            return fromPhone != null ? fromPhone : CellIdentityResult.none(String.join("; ", problems));
        } catch (RuntimeException e) {
            return CellIdentityResult.none("P-Access-Network-Info parser bug (" + e.getClass().getName() + "): "
                    + UnusableLocation.shown(e.getMessage(), 120));
        }
    }

    /** One {@code access-type *(; access-info)} entry. */
    private static CellIdentityResult entry(String entry, MncLengths mncLengths) throws UnusableLocation {
        List<String> parts = split(entry, ';');
        String accessType = parts.get(0).trim();
        if (accessType.isEmpty()) {
            throw new UnusableLocation("access-info entry without an access type: " + UnusableLocation.shown(entry.trim()));
        }
        if (accessType.chars().anyMatch(Character::isISOControl)) { // no access type has one; the problems below echo it as it is
            throw new UnusableLocation(UnusableLocation.shown(accessType) + " carries no cell identity");
        }
        boolean networkProvided = false;
        String cgi = null;
        String utranCellId = null;
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : unquoted(parameter.substring(equals + 1).trim());
            switch (name) {
                case "network-provided" -> networkProvided = true;
                case CGI -> cgi = once(accessType, name, cgi, value);
                case UTRAN_CELL_ID -> utranCellId = once(accessType, name, utranCellId, value);
                default -> { // local-time-zone, dsl-location, i-wlan-node-id …: nothing about the cell
                }
            }
        }
        String type = accessType.toUpperCase(Locale.ROOT);
        RadioType radio;
        if (type.startsWith("3GPP-GERAN")) {
            radio = RadioType.GSM;
        } else if (type.startsWith("3GPP-UTRAN")) {
            radio = RadioType.UMTS;
        } else if (type.startsWith("3GPP-E-UTRAN")) {
            radio = RadioType.LTE;
        } else if (type.startsWith("3GPP-NR")) {
            radio = RadioType.NR;
        } else {
            throw new UnusableLocation(UnusableLocation.shown(accessType) + " carries no cell identity");
        }
        String parameter = radio == RadioType.GSM ? CGI : UTRAN_CELL_ID;
        String value = radio == RadioType.GSM ? cgi : utranCellId;
        if (value == null || value.isEmpty()) {
            throw new UnusableLocation(accessType + " without " + parameter);
        }
        return CellIdentityResult.found(decode(radio, parameter, value, mncLengths), networkProvided);
    }

    private static String once(String accessType, String name, String previous, String value) throws UnusableLocation {
        if (previous != null) {
            throw new UnusableLocation(accessType + " has " + name + " twice");
        }
        return value;
    }

    /** MCC, MNC, area code and cell identity from the run-together string, MNC length by the class comment's rule. */
    static CellIdentity decode(RadioType radio, String parameter, String value, MncLengths mncLengths) throws UnusableLocation {
        String what = parameter + " " + UnusableLocation.shown(value);
        if (value.length() < 3 || !AmlValues.digits(value.substring(0, 3), 3, 3)) {
            throw new UnusableLocation(what + " does not start with a three-digit MCC");
        }
        String mcc = value.substring(0, 3);
        int[][] layouts = switch (radio) {
            case GSM -> GSM_LAYOUTS;
            case UMTS -> UMTS_LAYOUTS;
            case LTE -> LTE_LAYOUTS;
            case NR -> NR_LAYOUTS;
        };
        OptionalInt known = mncLengths.mncDigits(mcc);
        int mncDigits = -1;
        int[] layout = null;
        for (int digits : known.isPresent() ? new int[] {known.getAsInt()} : new int[] {2, 3}) {
            int[] fits = fitting(layouts, value.length() - 3 - digits);
            if (fits != null) {
                mncDigits = digits;
                layout = fits;
                break;
            }
        }
        if (layout == null) {
            String needs = radio + " needs MCC (3) + MNC (" + (known.isPresent() ? known.getAsInt() : "2 or 3") + ") + "
                    + radio.areaName() + " (" + widths(layouts, 0) + " hex) + " + radio.cellName() + " (" + widths(layouts, 1) + " hex)";
            if (known.isPresent() && fitting(layouts, value.length() - 3 - (5 - known.getAsInt())) != null) {
                throw new UnusableLocation(what + " is " + value.length() + " characters, which fits a " + (5 - known.getAsInt())
                        + "-digit MNC, but MCC " + mcc + " uses " + known.getAsInt() + "-digit MNCs");
            }
            throw new UnusableLocation(what + " is " + value.length() + " characters; " + needs);
        }
        String mnc = value.substring(3, 3 + mncDigits);
        if (!AmlValues.digits(mnc, mncDigits, mncDigits)) {
            throw new UnusableLocation(what + ": MNC " + UnusableLocation.shown(mnc) + " is not decimal digits");
        }
        int areaStart = 3 + mncDigits;
        long area = hex(value, areaStart, areaStart + layout[0]);
        long cell = hex(value, areaStart + layout[0], value.length());
        if (area < 0 || cell < 0) {
            throw new UnusableLocation(what + ": " + radio.areaName() + " and " + radio.cellName() + " are not hexadecimal digits");
        }
        return new CellIdentity(radio, new MobileNetworkId(mcc, mnc), (int) area, cell);
    }

    private static int[] fitting(int[][] layouts, int hexDigits) {
        for (int[] layout : layouts) {
            if (layout[0] + layout[1] == hexDigits) {
                return layout;
            }
        }
        return null;
    }

    private static String widths(int[][] layouts, int part) {
        StringBuilder out = new StringBuilder();
        for (int[] layout : layouts) {
            String w = Integer.toString(layout[part]);
            if (out.indexOf(w) < 0) {
                out.append(out.isEmpty() ? "" : " or ").append(w);
            }
        }
        return out.toString();
    }

    /** The hex number in {@code text[from, to)}, or -1 when a character is not a hex digit (no sign, no prefix). */
    private static long hex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1).trim() : value;
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
