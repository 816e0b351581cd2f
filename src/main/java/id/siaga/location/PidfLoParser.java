package id.siaga.location;

import java.util.ArrayList;
import java.util.List;

/**
 * The caller's location from a SIP INVITE that carries PIDF-LO by value (RFC 6442): the {@code Geolocation}
 * header names a {@code cid:} URI, and the body part with that {@code Content-ID} (in a
 * {@code multipart/mixed} body next to the SDP, or the whole body) is the PIDF-LO document.
 *
 * <p>It takes the plain header values and body bytes, so it knows nothing of the SIP stack that extracted
 * them. It never throws on what a caller sent: every way to fail ends in a {@link PidfLoResult} with the
 * reason, and the call is routed by the next location source. Location by reference ({@code https:},
 * {@code sip:}, {@code pres:}) is listed in the result for the resolver, not fetched here.
 */
public final class PidfLoParser {

    /** The INVITE body limit: SDP plus PIDF-LO is a few kilobytes; the cap bounds the work a hostile body costs. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_CONTENT_TYPE_CHARACTERS = 1024;

    private PidfLoParser() {
    }

    /**
     * The location an INVITE carries by value.
     *
     * @param geolocationHeader the {@code Geolocation} header value(s), several headers joined with ", ";
     *                          {@code null} or blank when the INVITE has none
     * @param contentType       the INVITE's {@code Content-Type} value, parameters included
     *                          ({@code multipart/mixed;boundary=...}); {@code null} when there is no body
     * @param body              the raw body bytes as received; {@code null} or empty when there is none
     */
    public static PidfLoResult fromInvite(String geolocationHeader, String contentType, byte[] body) {
        if (geolocationHeader == null || geolocationHeader.isBlank()) {
            return PidfLoResult.unusable("no Geolocation header: the INVITE carries no PIDF-LO", List.of());
        }
        GeolocationHeader header;
        try {
            header = GeolocationHeader.parse(geolocationHeader);
        } catch (UnusableLocation e) {
            return PidfLoResult.unusable(e.getMessage(), List.of());
        }
        List<String> references = header.references();
        if (header.contentIds().isEmpty()) {
            List<String> shown = references.stream().map(uri -> UnusableLocation.shown(uri, 200)).toList();
            return PidfLoResult.unusable("location by reference only (" + String.join(", ", shown)
                    + "); dereferencing it is not supported yet", references);
        }
        try {
            return PidfLoResult.located(byValue(header.contentIds(), contentType, body), references);
        } catch (UnusableLocation e) {
            return PidfLoResult.unusable(e.getMessage(), references);
        } catch (RuntimeException e) {
            return PidfLoResult.unusable(bug(e), references);
        }
    }

    /** A result without a fix, for callers that fetch PIDF-LO themselves and fail before parsing. */
    public static PidfLoResult unusable(String problem) {
        return PidfLoResult.unusable(problem, List.of());
    }

    /** The first usable location of a PIDF-LO document (RFC 4119, RFC 5491), also inside a HELD locationResponse (RFC 5985). */
    public static PidfLoResult parsePidf(String xml) {
        if (xml == null || xml.isBlank()) {
            return PidfLoResult.unusable("empty PIDF-LO document", List.of());
        }
        try {
            return PidfLoResult.located(PidfLoDocument.firstFix(xml), List.of());
        } catch (UnusableLocation e) {
            return PidfLoResult.unusable(e.getMessage(), List.of());
        } catch (RuntimeException e) {
            return PidfLoResult.unusable(bug(e), List.of());
        }
    }

    /** Tries each cid in header order; the first that resolves to a usable location wins. */
    private static LocationFix byValue(List<String> contentIds, String contentType, byte[] body) throws UnusableLocation {
        String wanted = String.join(", ", contentIds.stream().map(cid -> UnusableLocation.shown("cid:" + cid)).toList());
        if (body == null || body.length == 0) {
            throw new UnusableLocation("Geolocation points to " + wanted + " but the INVITE has no body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new UnusableLocation("INVITE body of " + body.length + " bytes exceeds the limit of " + MAX_BODY_BYTES);
        }
        if (contentType == null || contentType.isBlank()) {
            throw new UnusableLocation("Geolocation points to " + wanted + " but the body has no Content-Type");
        }
        if (contentType.length() > MAX_CONTENT_TYPE_CHARACTERS) {
            throw new UnusableLocation("Content-Type of " + contentType.length() + " characters is too long");
        }
        MimeBody.MediaType type = MimeBody.MediaType.parse(contentType);
        if (type.isPidf()) { // the whole body is the location; there is no Content-ID to check it against
            return PidfLoDocument.firstFix(body);
        }
        if (!type.isMultipart()) {
            throw new UnusableLocation("Geolocation points to " + wanted + " but the body is " + type.type()
                    + ", not multipart or application/pidf+xml");
        }
        List<MimeBody.Part> parts = MimeBody.parts(body, type);
        List<String> problems = new ArrayList<>();
        for (String cid : contentIds) {
            MimeBody.Part part = parts.stream().filter(p -> GeolocationHeader.sameContentId(cid, p.header("content-id")))
                    .findFirst().orElse(null);
            if (part == null) {
                problems.add("no body part has Content-ID " + UnusableLocation.shown(cid));
                continue;
            }
            try {
                MimeBody.MediaType partType = MimeBody.MediaType.parse(part.header("content-type"));
                if (!partType.isPidf()) {
                    throw new UnusableLocation("body part " + UnusableLocation.shown(cid) + " is " + partType.type()
                            + ", not application/pidf+xml");
                }
                return PidfLoDocument.firstFix(part.content());
            } catch (UnusableLocation e) {
                problems.add(e.getMessage());
            }
        }
        throw new UnusableLocation(String.join("; ", problems));
    }

    /**
     * A parser bug must not cost a 110 caller the call: it becomes a problem like any other, named as a bug
     * so it is noticed in the journal and fixed.
     */
    private static String bug(RuntimeException e) {
        return "PIDF-LO parser bug (" + e.getClass().getName() + "): " + UnusableLocation.shown(e.getMessage(), 120);
    }
}
