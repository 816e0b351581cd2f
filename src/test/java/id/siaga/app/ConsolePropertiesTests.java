package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The map's settings: no tile server by default (the outlines are the map), a station's own one named by a URL
 * template with its deepest zoom; a wrong one stops the start with a message naming its key.
 */
class ConsolePropertiesTests {

    static final String STATUS = "http://localhost:8080";

    @Test
    void aStationsOwnTileServerIsATemplateWithItsDeepestZoomAndAWrongOneNamesItsKey() {
        ConsoleProperties own = new ConsoleProperties("http://tiles.polda-diy.lan:8081/tiles/{z}/{x}/{y}.png", "© OpenStreetMap", 16, STATUS);
        assertThat(own.tileMaxZoom()).isEqualTo(16);
        assertThat(new ConsoleProperties("", "", 19, STATUS).tileUrl()).as("no tiles: the outlines alone").isEmpty();

        assertThatThrownBy(() -> new ConsoleProperties("http://tiles.polda-diy.lan/tiles/{x}/{y}.png", "", 19, STATUS))
                .hasMessageContaining("siaga.console.tile-url");
        for (int zoom : new int[] {0, 23}) {
            assertThatThrownBy(() -> new ConsoleProperties("", "", zoom, STATUS)).as("zoom " + zoom)
                    .hasMessageContaining("siaga.console.tile-max-zoom").hasMessageContaining(String.valueOf(zoom));
        }
    }
}
