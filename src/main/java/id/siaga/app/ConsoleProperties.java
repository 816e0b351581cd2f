package id.siaga.app;

import id.siaga.web.MapTiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consoles (operator, supervisor, officer app, citizen status page).
 *
 * @param tileUrl         a street map tile URL template ({@code https://tile.example/{z}/{x}/{y}.png}, or a path on this
 *                        server) drawn under the jurisdiction polygons where the network reaches it; empty by default,
 *                        because the consoles must work on a station's closed network, where the polygons, the
 *                        stations' headquarters, the callers and the units alone are the map. Production on a closed
 *                        network: the station's (or the Polda's) own tile server, see the README. The
 *                        Content-Security-Policy lets images in from this URL's origin and no other
 * @param tileAttribution the tile provider's attribution, shown on the map when {@code tileUrl} is set
 * @param tileMaxZoom     the deepest zoom the tile server has tiles for (1 to 22); 19 by default, OpenStreetMap's; a
 *                        station's own server with an extract rendered to zoom 16 says 16, so the map never zooms
 *                        past its tiles into a blank
 * @param statusBaseUrl   the public address citizens open their status links at (e.g. {@code https://110.polri.go.id});
 *                        the SMS gateway receives links under it. The demo's own address by default
 */
@ConfigurationProperties("siaga.console")
public record ConsoleProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution,
                                @DefaultValue("19") int tileMaxZoom,
                                @DefaultValue("http://localhost:8080") String statusBaseUrl) implements MapTiles {

    public ConsoleProperties {
        if (!tileUrl.isBlank() && !(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}"))) {
            throw new IllegalArgumentException("siaga.console.tile-url must contain {z}, {x} and {y}, got " + tileUrl);
        }
        if (tileMaxZoom < 1 || tileMaxZoom > 22) {
            throw new IllegalArgumentException("siaga.console.tile-max-zoom must be 1 to 22, got " + tileMaxZoom);
        }
        if (statusBaseUrl.isBlank() || statusBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException("siaga.console.status-base-url must be an address without a trailing slash, got '"
                    + statusBaseUrl + "'");
        }
    }
}
