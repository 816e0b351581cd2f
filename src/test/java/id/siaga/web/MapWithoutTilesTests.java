package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static id.siaga.web.OperatorConsoleTests.keys;
import static id.siaga.web.OperatorConsoleTests.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.siaga.app.PresenceService;
import id.siaga.support.Browser;
import id.siaga.telephony.CallCoordinator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map on a closed police network (issue 18): Polres Sleman's street tiles are set to come from a tile server that
 * cannot be reached (a closed port on this machine), and a caller in Sleman, far inside the jurisdiction, rings at the
 * operator. The console goes to the caller and the map is not a black box: it says in words that the base map is
 * missing, zooms so that the boundary of the area holding the caller is in view and draws it (a screenshot of the map
 * has outline-blue pixels, not only the dark background), names the area ("Polsek … · Polres Sleman"), shows the
 * stations' headquarters and a scale. When the station's tile server comes up, the next view has its tiles and the
 * notice goes; and with no tile server configured at all the notice shows from the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mapwithouttilestests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/mapwithouttilestests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0"})
class MapWithoutTilesTests {

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;

    /** The station's tile server's port: nothing listens there until the test starts the server. */
    static int tilePort;

    @DynamicPropertySource
    static void unreachableTileServer(DynamicPropertyRegistry registry) {
        try (ServerSocket socket = new ServerSocket(0)) {
            tilePort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // nothing listens there once the socket is closed: every tile fails, as behind a closed network
        registry.add("siaga.console.tile-url", () -> "http://127.0.0.1:" + tilePort + "/{z}/{x}/{y}.png");
        registry.add("siaga.console.tile-attribution", () -> "© Peta Polda DIY");
    }

    @Test
    void withTilesBlockedTheMapAtCallZoomShowsTheOutlinesAndSaysTheBaseMapIsMissing() {
        CallDriver calls = new CallDriver(coordinator, presence);
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = browser.driver();
            browser.go("/operator/");
            browser.await("the login page", w -> !w.findElements(By.id("username")).isEmpty());
            d.findElement(By.id("username")).sendKeys("operator.sleman1");
            d.findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));
            keys(d).sendKeys(Keys.F2).perform();
            browser.await("the operator is READY", w -> "READY".equals(w.findElement(By.id("presence")).getAttribute("data-presence")));

            calls.dial("+6281200300077", IN_SLEMAN, "OP-3404-1");
            browser.await("the ringing call shows", w -> text(w, "call-number").equals("081200300077"));
            browser.await("the map has gone to the caller", w -> {
                Object c = ((JavascriptExecutor) w).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        import('/operator/state.js').then(({ state }) => done(state.map.getCenter().distanceTo([%s, %s])));
                        """.formatted(IN_SLEMAN.latitude(), IN_SLEMAN.longitude()));
                return ((Number) c).doubleValue() < 50;
            });

            // the boundary of the caller's area is drawn in view: outline-blue pixels, far more than any marker has
            int[] seen = browser.await("the outlines are drawn on the map", w -> {
                int[] counted = pixels(w);
                return counted[1] >= 600 ? counted : null;
            });
            assertThat(seen[0]).as("pixels other than the background").isGreaterThanOrEqualTo(seen[1]);
            saveMap(d, "map-without-tiles");

            browser.await("the notice says the base map is missing", w -> w.findElement(By.cssSelector("#map .map-notice")).isDisplayed());
            assertThat(d.findElement(By.cssSelector("#map .map-notice")).getText()).isEqualTo("Peta dasar tidak tersedia — menampilkan batas wilayah");
            browser.await("the area holding the view is named", w -> w.findElement(By.cssSelector("#map .map-area")).getText().contains("Polres Sleman"));
            assertThat(d.findElements(By.cssSelector("#map .map-hq"))).as("the stations' headquarters").isNotEmpty();
            assertThat(d.findElement(By.cssSelector("#map .leaflet-control-scale")).getText()).matches("(?s).*\\d+ (m|km).*");

            // English mode translates the notice
            d.findElement(By.cssSelector("[data-lang-switch]")).click();
            browser.await("the notice in English", w -> w.findElement(By.cssSelector("#map .map-notice")).getText()
                    .equals("Base map unavailable — showing jurisdiction boundaries"));
            d.findElement(By.cssSelector("[data-lang-switch]")).click();

            // the station's tile server comes up: the next view has its streets, and the notice goes
            HttpServer tiles = tileServer();
            try {
                ((JavascriptExecutor) d).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        import('/operator/state.js').then(({ state }) => { state.map.setView([-7.75, 110.40], 13, { animate: false }); done(); });
                        """);
                browser.await("the tiles show", w -> !w.findElements(By.cssSelector("#map img.leaflet-tile-loaded")).isEmpty()
                        && !w.findElement(By.cssSelector("#map .map-notice")).isDisplayed());
                assertThat(served.get()).isPositive();
            } finally {
                tiles.stop(0);
            }

            // no tile server at all: the same map says so from the start, and asks for no tile
            Object none = ((JavascriptExecutor) d).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    Promise.all([import('/js/map.js'), import('/operator/state.js')]).then(async ([{ jurisdictionMap }, { state }]) => {
                      const box = document.createElement('div');
                      box.className = 'map';
                      document.body.append(box);
                      const map = await jurisdictionMap(box, { ...state.me, tileUrl: '' });
                      let tiles = 0;
                      map.eachLayer((l) => { if (l.getTileUrl) tiles++; });
                      const notice = box.querySelector('.map-notice');
                      done(`${tiles}|${notice && !notice.hidden ? notice.textContent : ''}`);
                    });
                    """);
            assertThat(String.valueOf(none)).isEqualTo("0|Peta dasar tidak tersedia — menampilkan batas wilayah");
        }
    }

    final AtomicInteger served = new AtomicInteger();

    /** The station's tile server on the port the console was told: one grey street-map tile for every request. */
    private HttpServer tileServer() {
        try {
            BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = tile.createGraphics();
            g.setColor(new java.awt.Color(0xd8d3c8));
            g.fillRect(0, 0, 256, 256);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(tile, "png", png);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", tilePort), 0);
            server.createContext("/", exchange -> {
                served.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.size());
                exchange.getResponseBody().write(png.toByteArray());
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pixels of the map element that differ from its background, and those of them in the outlines' blue. */
    private static int[] pixels(WebDriver d) {
        // #4db2ff, the outlines' colour (the ringing caller is red, the controls grey and white)
        return MapPixels.count(d, "map", (r, g, b) -> b > 180 && b - r > 100 && g > 120);
    }

    private static void saveMap(WebDriver d, String name) {
        MapPixels.save(d, "map", name);
    }
}
