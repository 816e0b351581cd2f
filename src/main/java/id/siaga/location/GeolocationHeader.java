package id.siaga.location;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The location URIs of a SIP {@code Geolocation} header (RFC 6442 §4.1): {@code <uri> *(;param)}, comma
 * separated. A {@code cid:} URI is location by value (a body part of this INVITE); {@code http(s):},
 * {@code sip(s):} and {@code pres:} are by reference, to be dereferenced elsewhere. Parameters are skipped:
 * none of them changes where the caller is.
 */
record GeolocationHeader(List<String> contentIds, List<String> references) {

    /** A real header has one or two values; a few kilobytes leave room for long HELD URIs and nothing more. */
    static final int MAX_LENGTH = 4096;
    static final int MAX_VALUES = 8;
    private static final Set<String> REFERENCE_SCHEMES = Set.of("http", "https", "sip", "sips", "pres");

    static GeolocationHeader parse(String header) throws UnusableLocation {
        if (header.length() > MAX_LENGTH) {
            throw new UnusableLocation("Geolocation header of " + header.length() + " characters exceeds " + MAX_LENGTH);
        }
        List<String> uris = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end;
            if (c == '<') {
                end = header.indexOf('>', i);
                if (end < 0) {
                    throw new UnusableLocation("Geolocation value without a closing '>': " + UnusableLocation.shown(header));
                }
                uris.add(header.substring(i + 1, end).trim());
                end++;
            } else { // RFC 6442 asks for angle brackets; a bare URI is still unambiguous up to ';' or ','
                end = i;
                while (end < header.length() && header.charAt(end) != ';' && header.charAt(end) != ',') {
                    end++;
                }
                uris.add(header.substring(i, end).trim());
            }
            i = skipParameters(header, end);
            if (uris.size() > MAX_VALUES) {
                throw new UnusableLocation("Geolocation header has more than " + MAX_VALUES + " location values");
            }
        }
        List<String> contentIds = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (String uri : uris) {
            int colon = uri.indexOf(':');
            String scheme = colon > 0 ? uri.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            if (scheme.equals("cid") && colon + 1 < uri.length()) {
                contentIds.add(percentDecoded(uri.substring(colon + 1)));
            } else if (REFERENCE_SCHEMES.contains(scheme)) {
                references.add(uri);
            } else {
                unsupported.add(UnusableLocation.shown(uri));
            }
        }
        if (contentIds.isEmpty() && references.isEmpty()) {
            throw new UnusableLocation(uris.isEmpty() ? "Geolocation header has no location URI"
                    : "Geolocation header has no cid:, http(s):, sip(s): or pres: URI: " + String.join(", ", unsupported));
        }
        return new GeolocationHeader(List.copyOf(contentIds), List.copyOf(references));
    }

    /** Skips {@code ;name=value} parameters up to the next top-level comma; values may be quoted strings. */
    private static int skipParameters(String header, int from) {
        boolean quoted = false;
        int i = from;
        for (; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                break;
            }
        }
        return i;
    }

    /** RFC 2392: a cid URL is the Content-ID's addr-spec with URL escapes ({@code %40} for '@'). */
    static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            int high = text.charAt(i) == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 3;
            } else { // a run of plain text (a stray '%' included) up to the next escape
                int start = i++;
                while (i < text.length() && text.charAt(i) != '%') {
                    i++;
                }
                bytes.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** RFC 2392 matching of a cid URL against a part's {@code Content-ID: <addr-spec>}, ignoring case and brackets. */
    static boolean sameContentId(String cid, String contentIdHeader) {
        String id = contentIdHeader.trim();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1).trim();
        }
        return id.equalsIgnoreCase(cid);
    }
}
