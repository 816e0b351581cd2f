package id.siaga.web;

/**
 * The street map the consoles draw under the jurisdiction polygons, as {@code GET /api/console} hands it out. Web
 * owns what it needs to know; the settings that say it ({@code siaga.console.*}) implement it.
 */
public interface MapTiles {

    /** A tile URL template with {@code {z}}, {@code {x}} and {@code {y}}; empty when the polygons alone are the map. */
    String tileUrl();

    /** The tile provider's attribution, shown when {@link #tileUrl()} is set. */
    String tileAttribution();

    /** The deepest zoom the tile server has tiles for; the map zooms no closer. */
    int tileMaxZoom();
}
