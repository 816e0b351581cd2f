package id.siaga.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.location.DemoRegion;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who gets an event and when a failed one is tried again, with literal inputs: a brawl in Sleman goes to Polres Sleman's
 * subscriber and to Polda DIY's (Sleman is below it), not to Bantul's, not to one that only wants dispatches, not to a
 * disabled one; the waits double from the first, never pass the longest, and the jitter only ever shortens them by half.
 */
class WebhookRoutingTests {

    static final StationTree TREE = DemoRegion.load().tree();
    static final Instant NOW = Instant.parse("2026-12-04T03:15:00Z");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    /** Every name resolves to a public address (203.0.113.7, documentation range): no DNS in a unit test. */
    static final WebhookAddresses OUTSIDE = new WebhookAddresses(false, host -> new InetAddress[] {InetAddress.getByName("203.0.113.7")});

    static WebhookSubscriber subscriber(String name, String station, Set<String> types) {
        return WebhookSubscriber.create(name, "https://" + name + ".example/hook", null, types, Set.of(StationId.of(station)), OUTSIDE, NOW, "admin");
    }

    @Test
    void anEventGoesToTheSubscribersOfItsStationAndOfTheStationsAboveIt() {
        WebhookEvent brawl = new WebhookEvent("e1", WebhookEvent.INCIDENT_CREATED, SLEMAN, NOW, Map.of("incident", "i1"));
        WebhookSubscriber sleman = subscriber("sleman", "POLRES-3404", Set.of());
        WebhookSubscriber polda = subscriber("polda", "POLDA-DIY", Set.of(WebhookEvent.INCIDENT_CREATED));
        WebhookSubscriber bantul = subscriber("bantul", "POLRES-3402", Set.of());
        WebhookSubscriber dispatchOnly = subscriber("dispatch", "POLRES-3404", Set.of(WebhookEvent.UNIT_ASSIGNED));
        WebhookSubscriber off = subscriber("off", "MABES", Set.of()).disabled();

        WebhookChanges changes = new WebhookChanges(() -> TREE, JsonMapper.builder().build(), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        List<WebhookChanges.Row> rows = changes.rows(List.of(brawl), List.of(sleman, polda, bantul, dispatchOnly, off));

        assertThat(rows).extracting(WebhookChanges.Row::subscriberId).containsExactly(sleman.id(), polda.id());
        assertThat(rows.get(0).body()).isEqualTo("{\"id\":\"e1\",\"type\":\"incident.created\",\"occurredAt\":\"2026-12-04T03:15:00Z\","
                + "\"station\":\"POLRES-3404\",\"data\":{\"incident\":\"i1\"}}");
    }

    @Test
    void aSubscriptionWithABadAddressTypeOrSecretIsRefusedWithAReason() {
        assertThatThrownBy(() -> WebhookSubscriber.create("x", "ftp://x.example", null, Set.of(), Set.of(SLEMAN), OUTSIDE, NOW, "admin"))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> WebhookSubscriber.create("x", "https://x.example", null, Set.of("incident.deleted"), Set.of(SLEMAN), OUTSIDE, NOW, "admin"))
                .hasMessageContaining("incident.deleted");
        assertThatThrownBy(() -> WebhookSubscriber.create("x", "https://x.example", "short", Set.of(), Set.of(SLEMAN), OUTSIDE, NOW, "admin"))
                .hasMessageContaining("16");
    }

    @Test
    void onlyHttpsToPublicAddressesUnlessInsideAddressesAreAllowed() throws UnknownHostException {
        assertThatThrownBy(() -> OUTSIDE.check("http://binmas.example/hook")).hasMessageContaining("https");
        for (String inside : List.of("https://127.0.0.1/x", "https://[::1]/x", "https://10.1.2.3/x", "https://172.16.0.9/x", "https://192.168.1.1/x",
                "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/x", "https://224.0.0.1/x", "https://0.0.0.0/x", "https://[fd00::1]/x",
                "https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x", "https://255.255.255.255/x")) {
            assertThatThrownBy(() -> OUTSIDE.check(inside)).as(inside).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside");
        }
        assertThatThrownBy(() -> OUTSIDE.check("https://user:pw@binmas.example/hook")).hasMessageContaining("password");
        assertThat(OUTSIDE.check("https://binmas.example/hook")).isEqualTo(URI.create("https://binmas.example/hook"));
        assertThat(OUTSIDE.check("https://8.8.8.8/hook")).hasHost("8.8.8.8");

        WebhookAddresses local = new WebhookAddresses(false, host -> new InetAddress[] {InetAddress.getByName("203.0.113.7"),
                InetAddress.getByName("192.168.0.10")});
        assertThatThrownBy(() -> local.check("https://intranet.example/hook")).as("one inside address of the name is enough")
                .hasMessageContaining("192.168.0.10").hasMessageContaining("private");

        WebhookAddresses tests = new WebhookAddresses(true, host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        assertThat(tests.check("http://127.0.0.1:8099/hook")).hasPort(8099);
        assertThat(tests.refusal(URI.create("http://localhost/hook"))).isEmpty();
    }

    @Test
    void aReceiverInsideANamedNetworkIsAllowedOverHttpsAndNoOtherInsideAddress() throws UnknownHostException {
        String[] answer = {"10.20.0.8"};
        WebhookAddresses polda = new WebhookAddresses(false, a -> a.getHostAddress().startsWith("10.20."),
                host -> new InetAddress[] {InetAddress.getByName(answer[0])});
        URI binmas = polda.check("https://binmas.polda-diy.example/hook");
        assertThat(polda.refusal(binmas)).isEmpty();
        assertThatThrownBy(() -> polda.check("http://binmas.polda-diy.example/hook")).as("still https only").hasMessageContaining("https");
        answer[0] = "10.30.0.1";
        assertThat(polda.refusal(binmas)).get().asString().contains("10.30.0.1").contains("webhook-allowed-networks");
        answer[0] = "127.0.0.1";
        assertThat(polda.refusal(binmas)).get().asString().contains("loopback");
    }

    @Test
    void aNameRepointedInsideAfterItWasAcceptedIsRefusedAtDelivery() throws UnknownHostException {
        String[] answer = {"203.0.113.7"};
        WebhookAddresses rebinding = new WebhookAddresses(false, host -> new InetAddress[] {InetAddress.getByName(answer[0])});
        URI url = rebinding.check("https://binmas.example/hook");
        assertThat(rebinding.refusal(url)).isEmpty();
        answer[0] = "10.0.0.5";
        assertThat(rebinding.refusal(url)).get().asString().contains("10.0.0.5").contains("private");
    }

    @Test
    void waitsDoubleUpToTheLongestAndJitterShortensThemByAtMostHalf() {
        WebhookBackoff longest = new WebhookBackoff(Duration.ofSeconds(10), Duration.ofMinutes(15), () -> 1.0);
        assertThat(List.of(longest.after(1), longest.after(2), longest.after(3), longest.after(8), longest.after(40)))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(900), Duration.ofSeconds(900));
        WebhookBackoff shortest = new WebhookBackoff(Duration.ofSeconds(10), Duration.ofMinutes(15), () -> 0.0);
        assertThat(List.of(shortest.after(1), shortest.after(3), shortest.after(40)))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(450));
    }
}
