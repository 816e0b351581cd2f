package id.siaga.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/**
 * The parts of a SIP body: a single part, or the parts of a {@code multipart/mixed} body (RFC 5621), each
 * with its own headers. Emergency INVITEs carry SDP and a PIDF-LO side by side this way (RFC 6442).
 */
final class SipBodies {

    private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*(\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);

    /** One body part: its headers (lower-case names) and content. */
    record Part(Map<String, String> headers, byte[] content) {

        String contentType() {
            return headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        }

        boolean is(String mediaType) {
            return contentType().startsWith(mediaType);
        }
    }

    private SipBodies() {
    }

    /** Puts the body of {@code from} (with its Content-Type) into {@code to}; nothing when {@code from} is null or has none. */
    static void copyBody(Message from, Message to) throws ParseException {
        if (from == null) {
            return;
        }
        byte[] body = from.getRawContent();
        ContentTypeHeader type = (ContentTypeHeader) from.getHeader(ContentTypeHeader.NAME);
        if (body != null && body.length > 0 && type != null) {
            to.setContent(body, type);
        }
    }

    static List<Part> parts(String contentType, byte[] body) {
        List<Part> out = new ArrayList<>();
        if (body == null || body.length == 0) {
            return out;
        }
        String type = contentType == null ? "" : contentType;
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            out.add(new Part(Map.of("content-type", type), body));
            return out;
        }
        Matcher m = BOUNDARY.matcher(type);
        if (!m.find()) {
            return out;
        }
        String boundary = "--" + (m.group(2) != null ? m.group(2) : m.group(3));
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(boundary);
        while (at >= 0) {
            int start = text.indexOf('\n', at);
            if (start < 0 || text.startsWith("--", at + boundary.length())) {
                break;
            }
            int next = text.indexOf(boundary, start);
            if (next < 0) {
                break;
            }
            String raw = text.substring(start + 1, next);
            raw = raw.endsWith("\r\n") ? raw.substring(0, raw.length() - 2) : raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
            out.add(part(raw));
            at = next;
        }
        return out;
    }

    private static Part part(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        int skip = 4;
        if (split < 0) {
            split = raw.indexOf("\n\n");
            skip = 2;
        }
        String head = split < 0 ? raw : raw.substring(0, split);
        String content = split < 0 ? "" : raw.substring(split + skip);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new Part(headers, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An SDP body starts with its version line and describes at least one media stream (RFC 4566 §5). */
    static boolean looksLikeSdp(byte[] sdp) {
        String text = new String(sdp, StandardCharsets.ISO_8859_1);
        return text.startsWith("v=0") && text.contains("\nm=") && text.chars().noneMatch(c -> c == 0);
    }

    /** The session description to relay to operator phones, if the caller sent one. */
    static Optional<byte[]> sdp(String contentType, byte[] body) {
        return parts(contentType, body).stream().filter(p -> p.is("application/sdp")).map(Part::content).findFirst();
    }
}
