package id.siaga.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.siaga.location.LocationSource;
import id.siaga.location.PidfLoResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A PIDF-LO given by reference, fetched with HELD from a real HTTP location server on this machine. */
class LocationDereferencerTests {

    static final String HELD_RESPONSE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <locationResponse xmlns="urn:ietf:params:xml:ns:geopriv:held">
              <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
                        xmlns:gml="http://www.opengis.net/gml" xmlns:gs="http://www.opengis.net/pidflo/1.0"
                        xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="pres:lis@carrier.example">
                <dm:device id="handset"><gp:geopriv><gp:location-info>
                  <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-7.71560 110.35580</gml:pos>
                    <gs:radius uom="urn:ogc:def:uom:EPSG::9001">40</gs:radius></gs:Circle>
                </gp:location-info><gp:usage-rules/><gp:method>A-GPS</gp:method></gp:geopriv></dm:device>
              </presence>
            </locationResponse>
            """;

    HttpServer lis;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicReference<String> requestBody = new AtomicReference<>();
    volatile String answer = HELD_RESPONSE;
    volatile int status = 200;
    volatile long delayMs;

    @BeforeEach
    void locationServer() throws Exception {
        lis = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lis.createContext("/loc/", exchange -> {
            requests.incrementAndGet();
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/held+xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lis.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        lis.start();
    }

    @AfterEach
    void stop() {
        lis.stop(0);
    }

    String uri() {
        return "http://127.0.0.1:" + lis.getAddress().getPort() + "/loc/7a3f";
    }

    static PidfLoResult fetch(LocationDereferencer d, String uri) throws Exception {
        return d.dereference(uri).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aConfiguredLocationServerAnswersAHeldRequestWithTheCallersPosition() throws Exception {
        PidfLoResult r = fetch(new LocationDereferencer(Set.of("127.0.0.1"), Duration.ofSeconds(2)), uri());
        assertThat(r.located()).as(r.problem()).isTrue();
        assertThat(r.fix().orElseThrow().latitude()).isEqualTo(-7.7156);
        assertThat(r.fix().orElseThrow().uncertaintyMeters()).isEqualTo(40);
        assertThat(r.fix().orElseThrow().source()).isEqualTo(LocationSource.PIDF_LO);
        assertThat(requestBody.get()).contains("locationRequest").contains("urn:ietf:params:xml:ns:geopriv:held");
    }

    @Test
    void aHostThatIsNotAConfiguredLocationServerIsNeverContacted() throws Exception {
        PidfLoResult r = fetch(new LocationDereferencer(Set.of("lis.telkomsel.example"), Duration.ofSeconds(2)), uri());
        assertThat(r.located()).isFalse();
        assertThat(r.problem()).contains("127.0.0.1 is not configured");
        assertThat(requests.get()).isZero();
        assertThat(new LocationDereferencer(Set.of(), Duration.ofSeconds(1)).enabled()).isFalse();
        assertThat(fetch(new LocationDereferencer(Set.of("127.0.0.1"), Duration.ofSeconds(1)), "sip:loc@127.0.0.1").problem())
                .contains("only HELD over HTTP(S)");
    }

    @Test
    void aSlowBrokenOrHostileServerGivesAReasonNotAFix() throws Exception {
        LocationDereferencer d = new LocationDereferencer(Set.of("127.0.0.1"), Duration.ofMillis(300));
        delayMs = 1500;
        assertThat(fetch(d, uri()).problem()).contains("did not answer");
        delayMs = 0;
        status = 404;
        assertThat(fetch(d, uri()).problem()).contains("answered 404");
        status = 200;
        answer = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        PidfLoResult hostile = fetch(d, uri());
        assertThat(hostile.located()).isFalse();
        assertThat(hostile.problem()).doesNotContain("root:");
        answer = "x".repeat(LocationDereferencer.MAX_RESPONSE_BYTES + 1);
        assertThat(fetch(d, uri()).problem()).contains("bytes, over");
    }
}
