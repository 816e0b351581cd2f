package id.siaga.location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A captured SIP message from {@code src/test/resources/sip/}, split the way the SIP adapter's stack will
 * hand it over: header values by name (folded lines joined, repeated headers joined with ", ") and the
 * body as raw bytes. Deliberately tiny; the real adapter uses JAIN-SIP.
 */
record SipFixture(String startLine, Map<String, List<String>> headers, byte[] body) {

    static byte[] bytes(String resource) {
        try (InputStream in = SipFixture.class.getResourceAsStream("/sip/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource sip/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static SipFixture read(String resource) {
        return parse(bytes(resource));
    }

    /** Splits at the first empty line, CRLF CRLF or LF LF, whichever the message uses. */
    static SipFixture parse(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        boolean usesCrlf = crlf >= 0 && (lf < 0 || crlf < lf);
        int headEnd = usesCrlf ? crlf : lf;
        int bodyStart = headEnd + (usesCrlf ? 4 : 2);
        String[] lines = text.substring(0, headEnd).replaceAll("\r?\n[ \t]+", " ").split("\r?\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new SipFixture(lines[0], headers, Arrays.copyOfRange(message, bodyStart, message.length));
    }

    /** The header's value, repeated headers joined with ", "; null when absent, as the SIP stack reports it. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : String.join(", ", values);
    }

    PidfLoResult locate() {
        return PidfLoParser.fromInvite(header("Geolocation"), header("Content-Type"), body);
    }
}
