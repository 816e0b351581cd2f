package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import id.siaga.support.CuttableLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The officer app on a phone-sized headless Chromium, against the real service: officer.sleman logs in and goes on
 * duty, the phone's GPS (faked through the DevTools protocol) moves unit SLM-R4-01; the dispatcher sends the unit to
 * a brawl and the app rings; TERIMA reaches the server; BERANGKAT, the GPS at the scene (the app offers TIBA), TIBA
 * and SELESAI change the unit's status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:officerapptests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/officerapptests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0", "siaga.tracking.mqtt.enabled=false",
        // the faked GPS jumps kilometres between two fixes seconds apart
        "siaga.tracking.max-speed-kmh=100000"})
class OfficerAppTests {

    static final String AUTH = "Authorization";
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String OFFICER = Http.basic("officer.sleman", "siaga110");
    static final double SCENE_LAT = -7.7156;
    static final double SCENE_LON = 110.3558;

    @LocalServerPort
    int port;

    JsonNode unit(Http http) {
        return http.get("/api/units/SLM-R4-01", AUTH, DISPATCHER).json();
    }

    static void gpsAt(Browser phone, double lat, double lon) {
        ((ChromeDriver) phone.driver()).executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", lat, "longitude", lon, "accuracy", 12));
    }

    static void press(Browser phone, String key) {
        phone.driver().findElement(By.tagName("body")).sendKeys(key);
    }

    static boolean shown(WebDriver d, String id) {
        return d.findElement(By.id(id)).isDisplayed();
    }

    @Test
    void anOfficerIsAlertedAcknowledgesAndReportsEachStepWhileThePhonesGpsMovesTheUnit() {
        Http http = new Http(port);
        try (Browser phone = Browser.open(port, true)) {
            ((ChromeDriver) phone.driver()).executeCdpCommand("Browser.grantPermissions",
                    Map.of("origin", phone.base(), "permissions", List.of("geolocation")));
            gpsAt(phone, -7.7300, 110.3558);
            ConsoleAccessTests.logIn(phone, "officer.sleman");
            phone.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
            phone.await("the alert socket is up", d -> d.findElement(By.id("link")).getAttribute("class").contains("ok"));
            assertThat(phone.driver().findElement(By.id("unit-name")).getText()).isEqualTo(phone.await("the unit",
                    d -> d.findElement(By.id("unit-name")).getText().equals("–") ? null : d.findElement(By.id("unit-name")).getText()));
            assertThat(phone.driver().findElement(By.id("duty")).getText()).contains("LEPAS DINAS").contains("D");

            press(phone, "d");
            phone.await("GPS sent", d -> d.findElement(By.id("gps")).getText().startsWith("GPS terkirim"));
            CallDriver.await("the phone's GPS moved the unit", () -> unit(http).path("latitude").asDouble() == -7.7300);

            String incident = http.post("/api/incidents", """
                    {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":%s,"longitude":%s},"callerNumber":"081234567890",
                     "address":"Jl. Kaliurang km 7","description":"dua kelompok pelajar berkelahi"}
                    """.formatted(SCENE_LAT, SCENE_LON), AUTH, DISPATCHER).json().path("id").asString();
            Http.Response sent = http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);

            phone.await("the alert", d -> shown(d, "alert") && "on".equals(d.findElement(By.tagName("body")).getAttribute("data-alarm")));
            assertThat(phone.driver().findElement(By.id("alert-what")).getText()).contains("Perkelahian");
            assertThat(phone.driver().findElement(By.id("alert-where")).getText()).contains("Kaliurang");
            assertThat(phone.driver().findElement(By.id("nav-maps")).getAttribute("href"))
                    .isEqualTo("https://www.google.com/maps/dir/?api=1&destination=" + SCENE_LAT + "," + SCENE_LON);
            assertThat(phone.driver().findElement(By.id("nav-geo")).getAttribute("href")).startsWith("geo:" + SCENE_LAT + "," + SCENE_LON);
            phone.screenshot("officer-alert");

            press(phone, "a");
            phone.await("the alarm stops", d -> !shown(d, "alert") && "off".equals(d.findElement(By.tagName("body")).getAttribute("data-alarm")));
            JsonNode assignment = http.get("/api/incidents/" + incident + "/assignments", AUTH, DISPATCHER).json().get(0);
            assertThat(assignment.path("state").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(assignment.path("acknowledgedBy").asString()).isEqualTo("officer.sleman");

            phone.driver().findElement(By.id("berangkat")).click();
            CallDriver.await("BERANGKAT: en route", () -> unit(http).path("dutyStatus").asString().equals("EN_ROUTE"));
            phone.await("the app shows it", d -> "EN_ROUTE".equals(d.findElement(By.id("work-state")).getAttribute("data-state")));

            gpsAt(phone, -7.7159, 110.3558);
            // the app restarted at the scene (a phone's browser reloads it): still on duty, the first fix goes out at once
            phone.go("/officer/");
            phone.await("back on duty", d -> "true".equals(d.findElement(By.id("duty")).getAttribute("aria-pressed")));
            CallDriver.await("the unit is at the scene (the app says: " + phone.driver().findElement(By.id("gps")).getText() + ")",
                    () -> unit(http).path("latitude").asDouble() == -7.7159);
            phone.await("the app offers TIBA", d -> shown(d, "proposal"));
            press(phone, "t");
            CallDriver.await("TIBA: on scene", () -> unit(http).path("dutyStatus").asString().equals("ON_SCENE"));
            phone.await("the offer goes", d -> !shown(d, "proposal") && "ON_SCENE".equals(d.findElement(By.id("work-state")).getAttribute("data-state")));

            press(phone, "s");
            CallDriver.await("SELESAI: available again", () -> unit(http).path("dutyStatus").asString().equals("AVAILABLE"));
            phone.await("no work left", d -> shown(d, "no-work"));
            assertThat(http.get("/api/incidents/" + incident + "/assignments", AUTH, DISPATCHER).json().get(0).path("state").asString())
                    .isEqualTo("CLEARED");
        }
    }

    /**
     * The installed app opens without a signal: loaded once online, its service worker keeps the app shell; then the
     * phone loses its signal (the link to the server is cut, and Chromium is told it is offline) and the app is
     * opened again: the shell comes from the phone and says there is no signal; when the signal is back the app
     * starts by itself.
     */
    @Test
    void theInstalledAppOpensWithoutASignalAndSaysSo() throws Exception {
        try (CuttableLink signal = new CuttableLink(port); Browser phone = Browser.open(signal.port(), true)) {
            ConsoleAccessTests.logIn(phone, "officer.sleman");
            phone.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
            phone.await("the alert socket is up", d -> d.findElement(By.id("link")).getDomAttribute("class").contains("ok"));
            phone.await("the service worker controls the app", d -> (Boolean) js(d, "return !!navigator.serviceWorker.controller"));
            phone.await("the app shell is kept on the phone", d -> ((Number) ((JavascriptExecutor) d).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; caches.open('siaga-officer-v1').then(c => c.keys())"
                            + ".then(k => done(k.length)).catch(() => done(-1))")).intValue() == 16);
            assertThat(shown(phone.driver(), "offline")).isFalse();

            signal.cut();
            offline(phone, true);
            phone.driver().navigate().refresh();

            phone.await("the app says there is no signal", d -> shown(d, "offline"));
            assertThat(phone.driver().findElement(By.id("offline")).getText()).startsWith("Tidak ada sinyal");
            assertThat(phone.driver().findElement(By.id("link")).getText()).isEqualTo("Tanpa sinyal");
            assertThat(phone.driver().findElement(By.id("duty")).isDisplayed()).as("the app shell, not the browser's error page").isTrue();
            assertThat(phone.driver().getCurrentUrl()).endsWith("/officer/");
            assertThat((Boolean) js(phone.driver(), "return !!navigator.serviceWorker.controller && navigator.onLine === false"))
                    .as("served by the service worker, the browser knowing it is offline").isTrue();
            assertThat((Boolean) js(phone.driver(), "return fetch('/api/console').then(() => false, () => true)"))
                    .as("the server really is out of reach").isTrue();
            phone.screenshot("officer-offline");

            offline(phone, false);
            signal.restore();
            phone.await("the app starts by itself when the signal is back", d -> !shown(d, "offline")
                    && d.findElement(By.id("link")).getDomAttribute("class").contains("ok"));
        }
    }

    /**
     * The alarm: an alert makes the phone sound (the page's audio runs and the siren's samples reach the speaker; the
     * app shows "Alarm berbunyi" and its level) until TERIMA, after which it falls silent and stays silent.
     */
    @Test
    void anAlertSoundsTheAlarmUntilTheOfficerAccepts() {
        Http http = new Http(port);
        try (Browser phone = Browser.open(port, true)) {
            ConsoleAccessTests.logIn(phone, "officer.sleman");
            phone.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
            phone.await("the alert socket is up", d -> d.findElement(By.id("link")).getDomAttribute("class").contains("ok"));
            assertThat(body(phone, "data-alarm")).isEqualTo("off");

            String incident = http.post("/api/incidents", """
                    {"type":"ASSAULT","channel":"WALK_IN","location":{"latitude":%s,"longitude":%s},"address":"Jl. Kaliurang km 9"}
                    """.formatted(SCENE_LAT, SCENE_LON), AUTH, DISPATCHER).json().path("id").asString();
            Http.Response sent = http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            try {
                phone.await("the alarm rings", d -> shown(d, "alert") && "on".equals(body(phone, "data-alarm")));
                phone.await("the page may sound", d -> "running".equals(body(phone, "data-audio")));
                phone.await("the siren reaches the speaker", d -> "on".equals(body(phone, "data-sound")));
                assertThat(phone.driver().findElement(By.id("alarm-sounding")).getText()).isEqualTo("Alarm berbunyi");

                press(phone, "a");
                phone.await("TERIMA stops the alarm", d -> !shown(d, "alert") && "off".equals(body(phone, "data-alarm")));
                phone.await("the siren falls silent", d -> "off".equals(body(phone, "data-sound")));
                CallDriver.sleep(2_000); // longer than one siren cycle (1.6 s): a ringing alarm would have sounded again
                assertThat(body(phone, "data-sound")).as("silent for good").isEqualTo("off");
                assertThat(body(phone, "data-alarm")).isEqualTo("off");
                CallDriver.await("the acknowledgement reached the server", () -> http.get("/api/incidents/" + incident + "/assignments", AUTH,
                        DISPATCHER).json().get(0).path("state").asString().equals("ACKNOWLEDGED"));
            } finally {
                http.post("/api/units/SLM-R4-01/status", "{\"status\":\"AVAILABLE\",\"reason\":\"SELESAI\"}", AUTH, OFFICER);
            }
        }
    }

    /**
     * The app can be installed: Chromium fetches the manifest and its icons the way it fetches them for an install, without
     * the session's cookie (a manifest link without {@code crossorigin="use-credentials"} sends none). They were behind
     * the login, so Chromium got a 401 ("Manifest fetch from /officer/manifest.json failed, code 401") and offered no
     * install. Chromium itself is asked, through the DevTools protocol, for the manifest it read and what stops an install.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAppCanBeInstalledFromThePhonesBrowser() {
        try (Browser phone = Browser.open(port, true)) {
            ConsoleAccessTests.logIn(phone, "officer.sleman");
            phone.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
            phone.await("the service worker controls the app", d -> (Boolean) js(d, "return !!navigator.serviceWorker.controller"));
            ChromeDriver chromium = (ChromeDriver) phone.driver();

            Map<String, Object> manifest = chromium.executeCdpCommand("Page.getAppManifest", Map.of());
            assertThat((String) manifest.get("url")).endsWith("/officer/manifest.json");
            assertThat((List<Object>) manifest.get("errors")).as("the manifest's errors").isEmpty();
            assertThat(String.valueOf(manifest.get("data"))).as("the manifest Chromium fetched").contains("\"start_url\": \"/officer/\"");

            List<Object> blockers = phone.await("Chromium has looked at the app", d -> {
                Map<String, Object> r = chromium.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
                List<Object> errors = (List<Object>) r.get("installabilityErrors");
                // Chromium answers "not yet" while it still fetches the manifest's icons
                return errors.toString().contains("in-progress") ? null : errors;
            });
            assertThat(blockers).as("what stops an install").isEmpty();
            assertThat(phone.driver().manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                    .noneMatch(m -> m.contains("Manifest"));
        }
    }

    /**
     * On a 360-pixel phone with a touch screen (Chromium told so through the DevTools protocol, as its device mode does)
     * the header stays one line in both languages, nothing is wider than the screen, and no keyboard hint shows: a phone
     * has no keyboard to press A or D on. The app is screenshotted as the phone shows it.
     */
    @Test
    void onA360PixelTouchPhoneTheHeaderIsOneLineAndNoKeyboardHintShows() {
        try (Browser phone = Browser.open(port, true)) {
            ChromeDriver chromium = (ChromeDriver) phone.driver();
            chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 780, "deviceScaleFactor", 2, "mobile", true));
            chromium.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            ConsoleAccessTests.logIn(phone, "officer.sleman");
            phone.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
            phone.await("the alert socket is up", d -> d.findElement(By.id("link")).getDomAttribute("class").contains("ok"));
            phone.await("the unit", d -> !d.findElement(By.id("unit-name")).getText().equals("–"));
            assertThat((Boolean) js(phone.driver(), "return matchMedia('(hover: none) and (pointer: coarse)').matches"))
                    .as("Chromium plays a touch screen").isTrue();
            for (String language : List.of("id", "en")) {
                if (language.equals("en")) {
                    phone.driver().findElement(By.cssSelector("[data-lang-switch]")).click();
                    phone.await("English", d -> d.findElement(By.cssSelector("[data-logout]")).getText().equals("Log out"));
                }
                assertThat((Long) js(phone.driver(), "return document.documentElement.clientWidth")).isEqualTo(360L);
                assertThat((Boolean) js(phone.driver(), """
                        const bar = document.querySelector('header.bar').getBoundingClientRect();
                        const title = document.querySelector('header.bar h1').getBoundingClientRect();
                        return [...document.querySelectorAll('header.bar > *')].filter(e => e.getClientRects().length)
                          .every(e => e.getBoundingClientRect().top < title.bottom && e.getBoundingClientRect().right <= bar.right + 0.5);"""))
                        .as("the header is one line within the screen (" + language + ")").isTrue();
                assertThat((Long) js(phone.driver(), "return document.documentElement.scrollWidth")).as("nothing wider than the screen")
                        .isLessThanOrEqualTo(360L);
                assertThat((Long) js(phone.driver(), "return [...document.querySelectorAll('kbd, .keys')].filter(e => e.getClientRects().length).length"))
                        .as("keyboard hints shown (" + language + ")").isZero();
                phone.screenshot("officer-360-touch-" + language);
            }
            phone.driver().findElement(By.cssSelector("[data-lang-switch]")).click();
        }
    }

    /** The manifest and its icons carry nothing of a station's, so anyone may fetch them; the app itself needs the login. */
    @Test
    void theManifestAndItsIconsAreFetchedWithoutALoginAndNothingElseOfTheApp() {
        Http http = new Http(port);
        Http.Response manifest = http.get("/officer/manifest.json");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.json().path("start_url").asString()).isEqualTo("/officer/");
        for (JsonNode icon : manifest.json().path("icons")) {
            Http.Bytes fetched = http.getBytes(icon.path("src").asString());
            assertThat(fetched.status()).as(icon.path("src").asString()).isEqualTo(200);
            assertThat(fetched.header("Content-Type")).startsWith(icon.path("type").asString());
        }
        for (String path : List.of("/officer/", "/officer/app.js", "/officer/sw.js", "/api/officer/assignments")) {
            assertThat(http.get(path).status()).as(path).isIn(302, 401);
        }
    }

    static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    static String body(Browser phone, String attribute) {
        return phone.driver().findElement(By.tagName("body")).getDomAttribute(attribute);
    }

    /** Chromium's own view of the network: offline as a phone without a signal (navigator.onLine false). */
    static void offline(Browser phone, boolean off) {
        ((ChromeDriver) phone.driver()).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) phone.driver()).executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void thePhonesPositionIsRefusedWithItsReasonAndOnlyFromOfficers() {
        Http http = new Http(port);
        Http.Response outside = http.post("/api/officer/position", "{\"latitude\":95,\"longitude\":110.35}", AUTH, OFFICER);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("detail").asString()).contains("latitude must be -90..90");
        Http.Response missing = http.post("/api/officer/position", "{\"latitude\":-7.7}", AUTH, OFFICER);
        assertThat(missing.status()).isEqualTo(400);
        Http.Response noFix = http.post("/api/officer/position", "{\"latitude\":0,\"longitude\":0}", AUTH, OFFICER);
        assertThat(noFix.json().path("detail").asString()).contains("no fix");
        assertThat(http.post("/api/officer/position", "{\"latitude\":-7.7,\"longitude\":110.35}", AUTH, DISPATCHER).status()).isEqualTo(403);

        Http.Response taken = http.post("/api/officer/position", "{\"latitude\":-7.7801,\"longitude\":110.3601,\"accuracy\":8,\"speed\":3.5,"
                + "\"heading\":90,\"timestamp\":" + System.currentTimeMillis() + "}", AUTH, OFFICER);
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().path("unit").asString()).isEqualTo("SLM-R4-01");

        assertThat(http.get("/officer/manifest.json", AUTH, OFFICER).json().path("start_url").asString()).isEqualTo("/officer/");
        assertThat(http.get("/officer/sw.js", AUTH, OFFICER).status()).isEqualTo(200);
        assertThat(http.get("/officer/icon-192.png", AUTH, OFFICER).status()).isEqualTo(200);
    }
}
