package id.siaga.web;

import id.siaga.support.SipTestPorts;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.support.Browser;
import id.siaga.support.Sipp;
import id.siaga.telephony.SipEdgeTest;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The consoles' story with every edge real: Polres Sleman's operator logs in and goes READY; a citizen in Sleman
 * dials 110 (SIPp, PIDF-LO) and the console shows the ringing call with its number and station; the operator's
 * desk phone (SIPp) picks up and the console pops the call into the report form; the report is typed from the
 * keyboard and the patrol car sent with Enter; the officer's phone (a second browser) rings with the alert and is
 * acknowledged; the Polda supervisor's board (a third browser) counts the answered call without a reload.
 */
@SipEdgeTest
class ConsoleStoryTests {

    static final String EDGE = "127.0.0.1:" + SipEdgeTest.EDGE;
    static final String CALLER = "081200700001";

    @LocalServerPort
    int port;
    @Autowired
    PresenceService presence;
    @Autowired
    DispatchDesk desk;

    @Test
    void aSippCallFromTheRingToTheOfficersAcknowledgementWithTheSupervisorWatching() throws Exception {
        Sipp.requireInstalled();
        // only the operator under test may ring at Sleman
        presence.change(new OperatorId("OP-3404-2"), Presence.AWAY, "test");
        Instant now = Instant.now();
        desk.positionAccepted(new Position("SLM-R4-01", "sleman-r4-01", now, -7.7250, 110.3650, 0.0, null, null, 5.0, null,
                PositionSource.MQTT, now));

        try (Browser operator = Browser.open(port, false); Browser supervisor = Browser.open(port, false);
             Browser officer = Browser.open(port, true)) {
            ConsoleAccessTests.logIn(supervisor, "supervisor.diy");
            supervisor.await("the board", d -> !d.findElement(By.id("answered")).getText().isBlank());
            String answeredBefore = supervisor.await("the answered count", d -> {
                String n = d.findElement(By.id("answered")).getText();
                return n.matches("\\d+") ? n : null;
            });

            ConsoleAccessTests.logIn(officer, "officer.sleman");
            officer.await("the officer app's alert socket", d -> d.findElement(By.id("link")).getAttribute("class").contains("ok"));

            WebDriver d = operator.driver();
            ConsoleAccessTests.logIn(operator, "operator.sleman1");
            operator.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));
            if (!"READY".equals(d.findElement(By.id("presence")).getAttribute("data-presence"))) {
                new Actions(d).sendKeys(Keys.F2).perform();
            }
            operator.await("the operator is READY", w -> "READY".equals(w.findElement(By.id("presence")).getAttribute("data-presence")));

            try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 4_000);
                 Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE, "110",
                         Map.of("caller", CALLER, "lat", "-7.71560", "lon", "110.35580"), 20_000, 1)) {
                operator.await("the ringing call shows", w -> w.findElement(By.id("alert")).isDisplayed()
                        && OperatorConsoleTests.text(w, "alert").contains(CALLER));
                assertThat(OperatorConsoleTests.text(d, "call-chain")).startsWith("Polres Sleman");
                operator.screenshot("story-operator-ringing");

                operator.await("the desk phone answered: the call pops into the report form",
                        w -> "type-input".equals(w.switchTo().activeElement().getAttribute("id")));
                new Actions(d).sendKeys("perkel").sendKeys(Keys.TAB).perform();
                operator.await("the priority follows the type", w -> "priority".equals(w.switchTo().activeElement().getAttribute("id")));
                new Actions(d).sendKeys(Keys.TAB).sendKeys("Jl. Kaliurang km 6").sendKeys(Keys.TAB).sendKeys("Tawuran pelajar").perform();
                new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
                operator.await("the recommendation", w -> OperatorConsoleTests.text(w, "recommend").contains("Patroli Sleman 1")
                        && "recommend".equals(w.switchTo().activeElement().getAttribute("id")));
                new Actions(d).sendKeys(Keys.ENTER).perform();
                operator.await("the car is dispatched", w -> OperatorConsoleTests.text(w, "assignments").contains("Patroli Sleman 1"));
                operator.screenshot("story-operator-dispatch");

                officer.await("the officer's phone rings", w -> OfficerAppTests.shown(w, "alert"));
                assertThat(officer.driver().findElement(By.id("alert-what")).getText()).contains("Perkelahian");
                OfficerAppTests.press(officer, "a");
                officer.await("acknowledged", w -> !OfficerAppTests.shown(w, "alert"));
                operator.await("the operator sees the acknowledgement", w -> !OperatorConsoleTests.text(w, "assignments")
                        .contains("Menunggu konfirmasi"));
                officer.screenshot("story-officer-acknowledged");

                supervisor.await("the board counts the answered call without a reload", w -> {
                    String n = w.findElement(By.id("answered")).getText();
                    return n.matches("\\d+") && Integer.parseInt(n) > Integer.parseInt(answeredBefore);
                });
                supervisor.screenshot("story-supervisor");

                assertThat(caller.await(40)).as(caller.output()).isZero();
                assertThat(phone.await(40)).as(phone.output()).isZero();
            }
            JsonNode assignments = new Http(port).get("/api/units/SLM-R4-01", "Authorization", Http.basic("dispatcher.sleman", "siaga110")).json();
            assertThat(assignments.path("dutyStatus").asString()).isEqualTo("DISPATCHED");
        } finally {
            presence.change(new OperatorId("OP-3404-1"), Presence.AWAY, "test");
        }
    }
}
