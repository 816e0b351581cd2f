package id.siaga.web;

import static id.siaga.web.OperatorConsoleTests.keys;
import static id.siaga.web.OperatorConsoleTests.noCodesOnScreen;
import static id.siaga.web.OperatorConsoleTests.text;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import id.siaga.support.TextGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Text to 110 on the operator console, in a real browser, from the keyboard: a deaf texter in Sleman writes to 110 (their
 * handset's AML placed them); Polres Sleman's console flashes the banner and lists the conversation, highlighted as new,
 * with where it was placed from; the operator presses M, Enter to read the thread (the text and the automatic reply,
 * "terkirim"), T to take it, writes the reply and sends it with Ctrl+Enter; the SMS gateway receives it and the console
 * shows it "terkirim".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:textconsoletests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/textconsoletests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0", "siaga.tracking.mqtt.enabled=false"})
class TextConsoleTests {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static TextGateway gateway;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        gateway = TextGateway.start();
        registry.add("siaga.texts.gateway-url", gateway::url);
        registry.add("siaga.texts.reply-poll-interval", () -> "50ms");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aSlemanOperatorReadsTakesAndAnswersATextFromTheKeyboard() throws Exception {
        Http http = new Http(port);
        String key = http.post("/api/admin/api-keys", "{\"name\":\"SMS gateway\",\"roles\":[\"INTEGRATION\"],\"station\":\"MABES\"}", AUTH, ADMIN)
                .json().path("apiKey").asString();
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = browser.driver();
            browser.go("/operator/");
            browser.await("the login page", w -> !w.findElements(By.id("username")).isEmpty());
            d.findElement(By.id("username")).sendKeys("operator.sleman1");
            d.findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertThat(text(d, "texts")).contains("Tidak ada percakapan SMS.");

            assertThat(http.post("/api/texts/inbound", "{\"from\":\"081277700001\",\"to\":\"110\",\"text\":\""
                    + TextGateway.amlSms(-7.7156, 110.3558).replace("\"", "\\\"") + "\",\"messageId\":\"c-aml-1\"}", "X-Api-Key", key).status()).isEqualTo(200);
            Http.Response in = http.post("/api/texts/inbound", "{\"from\":\"081277700001\",\"to\":\"110\",\"text\":\"Saya tuli. Ada maling masuk rumah "
                    + "di Jl. Kaliurang km 9, saya sembunyi di kamar.\",\"messageId\":\"c-1\"}", "X-Api-Key", key);
            assertThat(in.status()).as(in.body()).isEqualTo(201);

            browser.await("the banner flashes", w -> w.findElement(By.id("text-alert")).isDisplayed() && text(w, "text-alert").contains("081277700001"));
            assertThat(text(d, "text-alert")).contains("SMS 110 MENUNGGU DI STASIUN ANDA");
            assertThat(text(d, "text-list")).contains("081277700001").contains("Polres Sleman").contains("lokasi GPS ponsel (AML)")
                    .contains("Pesan baru").contains("Menunggu");
            browser.screenshot("text-waiting");

            keys(d).sendKeys("m").perform();
            browser.await("the list has the focus", w -> "text-list".equals(w.switchTo().activeElement().getAttribute("id")));
            keys(d).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
            browser.await("the thread with the text and the automatic reply delivered", w -> text(w, "text-messages").contains("maling masuk rumah")
                    && text(w, "text-messages").contains("balasan otomatis") && text(w, "text-messages").contains("terkirim"));
            assertThat(text(d, "text-where")).contains("Polres Sleman").contains("-7.71560, 110.35580");
            assertThat(text(d, "text-incident")).startsWith("Buka kejadian #");

            keys(d).sendKeys("t").perform();
            browser.await("taken, the reply box has the focus", w -> "text-reply-body".equals(w.switchTo().activeElement().getAttribute("id")));
            browser.await("the banner stops", w -> !w.findElement(By.id("text-alert")).isDisplayed());
            keys(d).sendKeys("Pesan diterima. Petugas Polres Sleman menuju Jl. Kaliurang km 9. Tetap di kamar, kunci pintu.")
                    .keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            TextGateway.Request reply = gateway.awaitTaken(b -> b.contains("Petugas Polres Sleman menuju"), Duration.ofSeconds(30));
            assertThat(reply).as("the gateway received the operator's reply").isNotNull();
            assertThat(reply.body()).contains("\"to\":\"+6281277700001\"");
            browser.await("the reply shows delivered", w -> text(w, "text-messages").contains("Petugas Polres Sleman menuju")
                    && text(w, "text-messages").split("terkirim", -1).length == 3);
            assertThat(text(d, "text-list")).contains("Diambil Anda").doesNotContain("Pesan baru");
            noCodesOnScreen(d, "with a text conversation open");
            browser.screenshot("text-answered");
        }
    }
}
