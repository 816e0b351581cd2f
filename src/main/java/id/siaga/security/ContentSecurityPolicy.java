package id.siaga.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts, frames' targets and connections only from the
 * server itself (the consoles load nothing inline and nothing from elsewhere), no plugins, no page may frame a console
 * ({@code frame-ancestors 'none'}), forms post only back to the server. Images may also come from the street map's
 * tile server when one is configured, and be {@code data:} URLs (Leaflet's and uPlot's small icons).
 *
 * @param header the header's value
 */
public record ContentSecurityPolicy(String header) {

    /** The consoles' policy; {@code tileUrl} is the map's tile URL template, empty when there is none. */
    public static ContentSecurityPolicy forConsoles(String tileUrl) {
        String origin = tileUrl == null || tileUrl.isBlank() ? "" : origin(tileUrl);
        String tiles = origin.isEmpty() ? "" : " " + origin;
        return new ContentSecurityPolicy("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'self'; object-src 'none'"
                + "; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    }

    /**
     * Scheme, host and port of a tile URL template, empty for a template on the server itself ({@code /tiles/...}); a
     * host with a {@code {s}} sub-domain becomes a wildcard over that domain.
     */
    static String origin(String template) {
        String plain = template.replace("{s}", "s-wildcard").replaceAll("\\{[^}]*}", "0");
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the tile URL " + template + " is not a URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null && uri.getHost() == null && plain.startsWith("/") && !plain.startsWith("//")) {
            return "";
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the tile URL " + template + " must be absolute (https://host/...) or on this server (/...)");
        }
        String host = uri.getHost();
        if (host.contains("s-wildcard")) {
            host = "*" + host.substring(host.indexOf('.'));
        }
        return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
