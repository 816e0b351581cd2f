package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The national rollout map (issue 19) on the national reference data, on a closed network: the tile server the settings
 * name cannot be reached. Mabes's administrator opens Station names & rollout map: Indonesia is drawn from the kab/kota outlines,
 * coloured by each Polda's share of stations live (all green: every station of the data is LIVE), and the table lists the 36
 * Polda. Polda Metro Jaya suspends Kepulauan Seribu; with the keyboard she chooses Polda Metro Jaya, sees its twelve stations
 * by the names Polri knows them by, renames one in the dialog; a names file with a bad line is refused naming the line. The
 * page reads the same in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rolloutmaptests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/rolloutmaptests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0", "siaga.org.dataset=NATIONAL", "siaga.org.station-names-file=classpath:org/station-names-national.csv",
        "siaga.access.users-file=classpath:demo/users.csv"})
class RolloutMapTests {

    @LocalServerPort
    int port;
    @Autowired
    StationDirectory stations;

    @DynamicPropertySource
    static void unreachableTileServer(DynamicPropertyRegistry registry) {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("siaga.console.tile-url", () -> "http://127.0.0.1:" + closed + "/{z}/{x}/{y}.png");
    }

    @Test
    void theNationalMapWithoutTilesTheTableByKeyboardAndTheNames() throws IOException {
        new Http(port).put("/api/stations/POLRES-3101/status", "{\"status\":\"SUSPENDED\",\"reason\":\"kabel laut putus\"}", "Authorization",
                Http.basic("admin", "siaga110"));
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = browser.driver();
            browser.go("/login");
            browser.await("the login form", w -> !w.findElements(By.id("username")).isEmpty());
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("logged in", w -> !w.getCurrentUrl().contains("/login"));
            browser.go("/admin/stations.html");
            browser.await("the page is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));

            // Indonesia is drawn: most of the map is outlines and fills, green where every station is live
            int[] seen = browser.await("the kab/kota are drawn", w -> {
                int[] counted = pixels(w);
                return counted[1] >= 5_000 ? counted : null;
            });
            MapPixels.save(d, "rollout-map", "rollout-map-without-tiles");
            browser.screenshot("rollout-page");
            assertThat(seen[0]).as("pixels other than the background").isGreaterThanOrEqualTo(seen[1]);
            assertThat(d.findElements(By.cssSelector("#rollout-map img.leaflet-tile"))).as("no tile is asked for").isEmpty();

            List<WebElement> rows = d.findElements(By.cssSelector("#poldas tbody tr"));
            assertThat(rows).hasSize(36);
            WebElement metroRow = d.findElement(By.cssSelector("#poldas tr[data-polda='POLDA-METRO']"));
            assertThat(metroRow.getText()).contains("Polda Metro Jaya").contains("11 / 12");

            // by keyboard: focus Polda Metro Jaya's button, Enter
            WebElement metro = d.findElement(By.cssSelector("#poldas button[data-polda='POLDA-METRO']"));
            metro.sendKeys(Keys.ENTER);
            browser.await("Polda Metro Jaya's stations", w -> w.findElement(By.id("polda")).isDisplayed()
                    && w.findElements(By.cssSelector("#stations tr[data-station]")).size() == 12);
            assertThat(d.findElement(By.id("polda-title")).getAttribute("textContent")).isEqualTo("Stasiun Polda Metro Jaya: 11 dari 12 beroperasi");
            assertThat(d.findElement(By.cssSelector("#stations tr[data-station='POLRES-3171'] td.name")).getText())
                    .isEqualTo("Polres Metro Jakarta Pusat");
            assertThat(d.findElement(By.cssSelector("#stations tr[data-station='POLRES-3101']")).getText()).contains("Ditangguhkan");
            browser.screenshot("rollout-page-metro");

            // rename in the dialog, with the keyboard
            d.findElement(By.cssSelector("button[data-rename='POLRES-3101']")).sendKeys(Keys.ENTER);
            WebElement name = browser.await("the rename dialog", w -> {
                WebElement input = w.findElement(By.id("rename-name"));
                return input.isDisplayed() ? input : null;
            });
            assertThat(name.getAttribute("value")).isEqualTo("Polres Kepulauan Seribu");
            name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Polres Administrasi Kepulauan Seribu", Keys.ENTER);
            browser.await("the new name in the list", w -> w.findElement(By.cssSelector("#stations tr[data-station='POLRES-3101'] td.name"))
                    .getText().equals("Polres Administrasi Kepulauan Seribu"));
            assertThat(stations.tree().get(StationId.of("POLRES-3101")).name()).isEqualTo("Polres Administrasi Kepulauan Seribu");

            // a names file with a bad third line: refused, saying which line, nothing taken
            Path file = Files.createTempFile("station-names", ".csv");
            Files.writeString(file, "id,name\nPOLRES-3171,Polres Metro Jakarta Pusat Baru\nPOLRES-0000,Polres Tidak Ada\n");
            d.findElement(By.id("names-file")).sendKeys(file.toAbsolutePath().toString());
            d.findElement(By.id("import")).sendKeys(Keys.ENTER);
            browser.await("the refusal names the line", w -> w.findElement(By.id("import-result")).getText().contains("baris 3"));
            assertThat(stations.tree().get(StationId.of("POLRES-3171")).name()).isEqualTo("Polres Metro Jakarta Pusat");
            Files.delete(file);

            // in English
            d.findElement(By.cssSelector("[data-lang-switch]")).click();
            browser.await("the table in English", w -> w.findElement(By.cssSelector("#poldas thead")).getText().contains("Live / all"));
            assertThat(d.findElement(By.id("polda-title")).getAttribute("textContent")).startsWith("Stations of Polda Metro Jaya");
            assertThat(d.findElement(By.cssSelector("#stations tr[data-station='POLRES-3101']")).getText()).contains("Suspended");
            browser.screenshot("rollout-page-english");
        }
    }

    /** Pixels of the map that differ from its background, and those of them green (the share-live colour of a Polda all live). */
    private static int[] pixels(WebDriver d) {
        return MapPixels.count(d, "rollout-map", (r, g, b) -> g > 120 && g - r > 60 && g - b > 20);
    }
}
