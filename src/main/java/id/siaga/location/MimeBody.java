package id.siaga.location;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough MIME (RFC 2045, RFC 2046 §5.1) to find the PIDF-LO part of a SIP body: a media type with its
 * parameters, and a multipart body split into parts with their own headers. The body is handled as
 * ISO-8859-1 text, which maps every byte to one character and back, so a part's bytes reach the XML
 * parser untouched and its encoding declaration still decides. SIP bodies use CRLF; bare LF is accepted
 * too, because test tools and some gateways send it.
 */
final class MimeBody {

    /** A multipart INVITE body is SDP plus PIDF-LO, sometimes an ISUP or an AML part: a handful at most. */
    static final int MAX_PARTS = 16;

    private MimeBody() {
    }

    /** {@code type/subtype} in lower case and the parameters, names in lower case, quoted values unquoted. */
    record MediaType(String type, Map<String, String> parameters) {

        static MediaType parse(String header) throws UnusableLocation {
            String[] pieces = splitOutsideQuotes(header);
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
                throw new UnusableLocation("Content-Type " + UnusableLocation.shown(header) + " is not a media type");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 1; i < pieces.length; i++) {
                int eq = pieces[i].indexOf('=');
                if (eq > 0) {
                    parameters.put(pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), unquoted(pieces[i].substring(eq + 1).trim()));
                }
            }
            return new MediaType(type, Map.copyOf(parameters));
        }

        boolean isMultipart() {
            return type.startsWith("multipart/");
        }

        boolean isPidf() {
            return type.equals("application/pidf+xml");
        }
    }

    /** One body part: its headers (names in lower case, folded lines joined) and its decoded content. */
    record Part(Map<String, String> headers, byte[] content) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /** The parts between {@code --boundary} delimiter lines; the preamble and epilogue are dropped. */
    static List<Part> parts(byte[] body, MediaType contentType) throws UnusableLocation {
        String boundary = contentType.parameters().getOrDefault("boundary", "");
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new UnusableLocation(contentType.type() + " body needs a boundary of 1 to 70 characters, got "
                    + UnusableLocation.shown(boundary));
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String dash = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int partStart = -1;
        int from = 0;
        while (true) {
            int at = text.indexOf(dash, from);
            if (at < 0) {
                break;
            }
            from = at + dash.length();
            if (at > 0 && text.charAt(at - 1) != '\n') {
                continue; // the boundary text inside a line is content, not a delimiter
            }
            boolean last = text.startsWith("--", from);
            int lineEnd = text.indexOf('\n', from);
            String rest = text.substring(last ? from + 2 : from, lineEnd < 0 ? text.length() : lineEnd);
            if (!rest.isBlank()) {
                continue; // "--boundary-more" is another line of content
            }
            if (partStart >= 0) {
                parts.add(part(text.substring(partStart, withoutLineBreak(text, at))));
                if (parts.size() > MAX_PARTS) {
                    throw new UnusableLocation("multipart body has more than " + MAX_PARTS + " parts");
                }
            }
            if (last) {
                return parts;
            }
            partStart = lineEnd < 0 ? text.length() : lineEnd + 1;
            from = partStart;
        }
        if (partStart < 0) {
            throw new UnusableLocation("multipart body has no delimiter line for boundary " + UnusableLocation.shown(boundary));
        }
        parts.add(part(text.substring(partStart))); // no close delimiter: a truncated body; the part may still parse
        return parts;
    }

    /** The CRLF (or LF) before a delimiter belongs to the delimiter, not to the part (RFC 2046 §5.1.1). */
    private static int withoutLineBreak(String text, int delimiterStart) {
        int end = delimiterStart;
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    private static Part part(String text) throws UnusableLocation {
        int split;
        int contentStart;
        if (text.startsWith("\r\n") || text.startsWith("\n")) { // no headers at all
            split = 0;
            contentStart = text.startsWith("\r\n") ? 2 : 1;
        } else {
            int crlf = text.indexOf("\r\n\r\n");
            int lf = text.indexOf("\n\n");
            if (crlf >= 0 && (lf < 0 || crlf < lf)) {
                split = crlf;
                contentStart = crlf + 4;
            } else if (lf >= 0) {
                split = lf;
                contentStart = lf + 2;
            } else {
                split = text.length();
                contentStart = text.length();
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String name = null;
        for (String line : text.substring(0, split).split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                headers.merge(name, " " + line.trim(), String::concat); // a folded header line
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.put(name, line.substring(colon + 1).trim());
            }
        }
        byte[] content = text.substring(contentStart).getBytes(StandardCharsets.ISO_8859_1);
        String encoding = headers.getOrDefault("content-transfer-encoding", "binary").trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "binary", "8bit", "7bit" -> {
                return new Part(Map.copyOf(headers), content);
            }
            case "base64" -> {
                try {
                    return new Part(Map.copyOf(headers), Base64.getMimeDecoder().decode(content));
                } catch (IllegalArgumentException e) {
                    throw new UnusableLocation("body part is not valid base64: " + e.getMessage());
                }
            }
            default -> throw new UnusableLocation("body part Content-Transfer-Encoding " + UnusableLocation.shown(encoding)
                    + " is not supported");
        }
    }

    /** Splits at ';' outside double quotes. */
    private static String[] splitOutsideQuotes(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                piece.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                pieces.add(piece.toString());
                piece.setLength(0);
                continue;
            }
            piece.append(c);
        }
        pieces.add(piece.toString());
        return pieces.toArray(String[]::new);
    }

    private static String unquoted(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
