package id.siaga.location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AML messages from {@code src/test/resources/aml/}: SMS texts as the gateway hands them over, and HTTPS
 * bodies ({@code application/x-www-form-urlencoded}) decoded into fields the way the web edge will.
 */
final class AmlFixture {

    private AmlFixture() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = AmlFixture.class.getResourceAsStream("/aml/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource aml/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SMS text; bytes map one to one onto characters, as a gateway that does not decode would hand them over. */
    static String sms(String resource) {
        return new String(bytes(resource), StandardCharsets.ISO_8859_1);
    }

    static Map<String, List<String>> form(String resource) {
        return decode(new String(bytes(resource), StandardCharsets.US_ASCII));
    }

    /** An urlencoded body as a servlet's parameter map would have it: names in order, repeated names collected. */
    static Map<String, List<String>> decode(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** The fixture with one field replaced (or added), for the malformed variants. */
    static Map<String, List<String>> formWith(String resource, String name, String value) {
        Map<String, List<String>> fields = form(resource);
        fields.put(name, List.of(value));
        return fields;
    }
}
