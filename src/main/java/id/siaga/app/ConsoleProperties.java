package id.siaga.app;

import id.siaga.web.MapTiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consoles (operator, supervisor, officer app, citizen status page).
 *
 * @param tileUrl         a street map tile URL template ({@code https://tile.example/{z}/{x}/{y}.png}) drawn under the
 *                        jurisdiction polygons where the network reaches it; empty by default, because the consoles
 *                        must work on a station's closed network, where the polygons alone are the map
 * @param tileAttribution the tile provider's attribution, shown on the map when {@code tileUrl} is set
 * @param statusBaseUrl   the public address citizens open their status links at (e.g. {@code https://110.polri.go.id});
 *                        the SMS gateway receives links under it. The demo's own address by default
 */
@ConfigurationProperties("siaga.console")
public record ConsoleProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution,
                                @DefaultValue("http://localhost:8080") String statusBaseUrl) implements MapTiles {

    public ConsoleProperties {
        if (!tileUrl.isBlank() && !(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}"))) {
            throw new IllegalArgumentException("siaga.console.tile-url must contain {z}, {x} and {y}, got " + tileUrl);
        }
        if (statusBaseUrl.isBlank() || statusBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException("siaga.console.status-base-url must be an address without a trailing slash, got '"
                    + statusBaseUrl + "'");
        }
    }
}
