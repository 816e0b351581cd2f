package id.siaga.fault;

import id.siaga.support.MqttPublisher;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mixed load of a fault scenario, from a few client threads, each recording in the {@link Ledger} what it was
 * told was taken: an operator at Polres Sleman opening incidents over the REST API; a patrol car's phone sending fixes
 * to the OsmAnd door, another publishing them over MQTT; 110 callers in Sleman who talk with the operator (SIPp
 * callers, answered by the operator's SIPp phone) and callers in Bantul, where nobody is ready, who hang up while it
 * rings (call-back tasks). Every caller has a number of its own, so each call can be found again.
 */
final class MixedLoad implements AutoCloseable {

    /** Where the server and the broker listen. */
    record Target(int httpPort, int gpsPort, int brokerPort, int sipPort) {
    }

    /** A demo unit and its GPS device (src/main/resources/demo/units.csv). */
    record Unit(String id, String device) {
    }

    static final String OPERATOR = ServerApi.basic("operator.sleman1", "siaga110");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> IN_SLEMAN = Map.of("lat", "-7.71560", "lon", "110.35580");
    private static final Map<String, String> IN_BANTUL = Map.of("lat", "-7.88860", "lon", "110.33000");

    private final String scenario;
    private final Target target;
    private final Unit osmAndUnit;
    private final Unit mqttUnit;
    private final Path sippDir;
    private final Ledger ledger = new Ledger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Thread> clients = new ArrayList<>();
    private final Set<Sipp> callsInProgress = ConcurrentHashMap.newKeySet();
    private final AtomicLong callers = new AtomicLong();
    private volatile boolean running;

    /**
     * @param scenario one digit, part of every caller's number, so the numbers of two scenarios never meet
     */
    MixedLoad(int scenario, Target target, Unit osmAndUnit, Unit mqttUnit, Path sippDir) {
        this.scenario = Integer.toString(scenario);
        this.target = target;
        this.osmAndUnit = osmAndUnit;
        this.mqttUnit = mqttUnit;
        this.sippDir = sippDir;
    }

    Ledger ledger() {
        return ledger;
    }

    void start() {
        running = true;
        client("incidents", this::openIncidents);
        client("osmand", this::sendOsmAndFixes);
        client("mqtt", this::publishMqttFixes);
        client("callers-talk", () -> placeCalls(Ledger.CallerPlan.TALK));
        client("callers-hang-up", () -> placeCalls(Ledger.CallerPlan.HANG_UP));
    }

    /** Stops the clients at once if they are still running (a scenario that failed half-way). */
    @Override
    public void close() {
        if (running) {
            stopNow();
        }
    }

    /** Each client finishes what it is doing (a call runs to its end) and stops. */
    void stop() {
        running = false;
        join();
    }

    /** The clients stop at once: calls in progress are cut (their callers' SIPp ends); what each caller heard is kept. */
    void stopNow() {
        running = false;
        callsInProgress.forEach(Sipp::close);
        join();
    }

    /**
     * Returns once every client has had something acknowledged (an incident, a fix by each door, a call answered and one
     * hung up), so the fault meets a load that is flowing; gives up after two minutes (the assertions then say what is missing).
     */
    void awaitEveryKindAcknowledged() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && (ledger.incidents.isEmpty() || ledger.osmAndFixes.isEmpty() || ledger.mqttFixes.isEmpty()
                || ledger.callsAnswered("200") == 0 || ledger.callsAnswered("487") == 0)) {
            pause(50);
        }
    }

    /** Returns as soon as the next incident has been answered 201 (or after a minute without one). */
    void awaitNextIncident() {
        int before = ledger.incidents.size();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ledger.incidents.size() == before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private void join() {
        for (Thread t : clients) {
            try {
                t.join(90_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                throw new IllegalStateException("load client " + t.getName() + " did not stop");
            }
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private void client(String name, Runnable loop) {
        Thread t = new Thread(() -> {
            while (running) {
                loop.run();
            }
        }, "fault-load-" + name);
        t.setDaemon(true);
        clients.add(t);
        t.start();
    }

    // ---- incidents over the REST API ----------------------------------------------------------------------------

    private final AtomicLong incidentsTried = new AtomicLong();

    private void openIncidents() {
        long n = incidentsTried.incrementAndGet();
        double lat = -7.70 - (n % 50) * 0.001;
        String body = """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":%s,"longitude":110.3558,"uncertaintyMeters":10},
                 "description":"fault suite, scenario %s, report %d"}""".formatted(lat, scenario, n);
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.httpPort() + "/api/incidents"))
                .header("Content-Type", "application/json").header("Authorization", OPERATOR)
                .POST(HttpRequest.BodyPublishers.ofString(body)), "incident", r -> {
                    if (r.statusCode() == 201) {
                        JsonNode created = JSON.readTree(r.body());
                        ledger.incidents.add(created.path("id").asString());
                    } else {
                        ledger.notTaken("incident " + r.statusCode(), r.body());
                    }
                });
        pause(150);
    }

    // ---- GPS fixes: the OsmAnd door and MQTT --------------------------------------------------------------------

    /** Fix times a few minutes back, 10 ms apart per unit: always newer than the unit's last, never in the future. */
    private final Instant firstFix = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
    private final AtomicLong osmAndSent = new AtomicLong();
    private final AtomicLong mqttSent = new AtomicLong();

    private void sendOsmAndFixes() {
        Instant at = firstFix.plusMillis(10 * osmAndSent.getAndIncrement());
        String query = "/?id=" + osmAndUnit.device() + "&timestamp=" + at.toEpochMilli() + "&lat=-7.7156&lon=110.3558&speed=0&accuracy=5";
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.gpsPort() + query)).GET(), "osmand", r -> {
            if (r.statusCode() == 200) {
                ledger.osmAndFixes.add(new Ledger.Fix(osmAndUnit.id(), at));
            } else {
                ledger.notTaken("osmand " + r.statusCode(), r.body());
            }
        });
        pause(20);
    }

    private MqttPublisher publisher;

    private void publishMqttFixes() {
        if (publisher == null) {
            publisher = new MqttPublisher("127.0.0.1", target.brokerPort(), "fault-phone-" + scenario + "-" + ProcessHandle.current().pid());
        }
        Instant at = firstFix.plusMillis(10 * mqttSent.getAndIncrement());
        String payload = "{\"lat\":-7.9658,\"lon\":110.6001,\"timestamp\":" + at.toEpochMilli() + ",\"accuracy\":5,\"deviceId\":\""
                + mqttUnit.device() + "\"}";
        try {
            publisher.publish("siaga/units/" + mqttUnit.id() + "/position", payload.getBytes(StandardCharsets.UTF_8));
            ledger.mqttFixes.add(new Ledger.Fix(mqttUnit.id(), at));
            pause(20);
        } catch (IOException e) {
            ledger.notTaken("mqtt: " + e.getClass().getSimpleName());
            pause(200); // the phone tries again a moment later, as a device's client does
        }
    }

    // ---- 110 callers ----------------------------------------------------------------------------------------------

    private void placeCalls(Ledger.CallerPlan plan) {
        boolean talk = plan == Ledger.CallerPlan.TALK;
        // +62812, the scenario, 1 (talks) or 2 (hangs up), 00, and a counter: 13 digits, one number per call
        String number = "+62812" + scenario + (talk ? "1" : "2") + "00" + String.format("%04d", callers.incrementAndGet());
        Path messages = sippDir.resolve("fault-" + number.substring(1) + ".messages.log");
        Map<String, String> keys = new java.util.HashMap<>(talk ? IN_SLEMAN : IN_BANTUL);
        keys.put("caller", number);
        // a talking caller hangs up 1 s after the answer; the other gives up after 1 s of ringing
        try (Sipp caller = Sipp.oneCall(talk ? "caller-pidf.xml" : "caller-hangup.xml", ServerProcess.freePort(),
                "127.0.0.1:" + target.sipPort(), "110", keys, 1_000, messages)) {
            callsInProgress.add(caller);
            caller.await(60);
            callsInProgress.remove(caller);
        }
        ledger.calls.add(new Ledger.Call(number, plan, Sipp.responsesIn(messages)));
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------------

    private void send(HttpRequest.Builder request, String door, Consumer<HttpResponse<String>> answered) {
        try {
            answered.accept(http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            ledger.notTaken(door + ": " + e.getClass().getSimpleName());
            pause(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
