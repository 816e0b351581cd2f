package id.siaga;

import id.siaga.journal.Journal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.app.PresenceService;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.journal.SubjectKind;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.RawSipSocket;
import id.siaga.support.ServerProcess;
import id.siaga.support.TestCertificates;
import id.siaga.support.TlsSipConnection;
import id.siaga.tracking.internal.OsmAndHttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14, finding 9: the {@code tls} profile (README, "Turning TLS on") with a keystore keytool made for this run.
 * The consoles and the API answer over HTTPS only and their cookies are {@code Secure}; the GPS door answers HTTPS
 * only; a 110 call over SIP over TLS reaches an operator whose phone is reached over TLS, every Contact and Via on the
 * way naming TLS and the TLS port so the in-dialog requests (ACK, BYE) come back over it. And with TLS on, as without,
 * nothing listens beyond this machine until siaga.bind-address opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:tlsprofile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/tlsprofile-spool.jsonl",
        "siaga.tracking.osmand-port=0",
        "siaga.tracking.mqtt.enabled=false"})
@ActiveProfiles("tls")
class TlsProfileTests {

    private static final TestCertificates CERTS = TestCertificates.generate("siaga110");
    private static final int SIP = ServerProcess.freePort();
    private static final int SIP_TLS = ServerProcess.freePort();
    /** Polda DIY's operator's phone, which takes SIP over TLS only. */
    private static final SSLServerSocket PHONE;
    private static final String CALLER = "081200000077";
    private static final String SDP = "v=0\r\no=%s 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio %d RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n";

    static {
        try {
            PHONE = TlsSipConnection.listen(CERTS.serverContext());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("siaga.tls.keystore", () -> CERTS.keyStore().toString());
        registry.add("siaga.tls.keystore-password", CERTS::password);
        registry.add("siaga.tls.key-alias", CERTS::alias);
        // the edge trusts the phone's certificate: the bundle's trust store (without one it would trust the JDK's CAs)
        registry.add("spring.ssl.bundle.jks.siaga.truststore.location", () -> "file:" + CERTS.trustStore());
        registry.add("spring.ssl.bundle.jks.siaga.truststore.password", CERTS::password);
        registry.add("spring.ssl.bundle.jks.siaga.truststore.type", () -> "PKCS12");
        registry.add("siaga.telephony.sip-port", () -> SIP);
        registry.add("siaga.telephony.sip-tls-port", () -> SIP_TLS);
        registry.add("siaga.telephony.phones.OP-DIY-1", () -> "sip:op-diy-1@127.0.0.1:" + PHONE.getLocalPort() + ";transport=tls");
    }

    @AfterAll
    static void phoneAway() throws IOException {
        PHONE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    OsmAndHttpServer door;
    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;
    @Autowired
    JournalStore journal;

    private final HttpClient https = HttpClient.newBuilder().sslContext(CERTS.trustingContext()).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theConsolesAndTheApiAnswerOverHttpsOnlyAndTheirCookiesAreSecure() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().sslContext(CERTS.trustingContext()).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().getValue();
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator.sleman1&password=siaga110&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).as("logged in").isEqualTo(302);

        List<String> setCookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
        setCookies.addAll(login.headers().allValues("Set-Cookie"));
        assertThat(setCookies).as("cookies set by the login page and the login").anyMatch(c -> c.startsWith("JSESSIONID="))
                .anyMatch(c -> c.startsWith("XSRF-TOKEN="))
                .allSatisfy(c -> assertThat(c).as(c).containsIgnoringCase("; Secure"));

        HttpResponse<String> api = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/locate?lat=-7.7926&lon=110.3658"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("operator.sleman1:siaga110".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("INSIDE");

        // plain HTTP to the same port: Tomcat answers 400 ("this port requires TLS") or the connection fails; nothing served
        int plain;
        try {
            plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException refused) {
            plain = -1;
        }
        assertThat(plain).as("plain HTTP to the HTTPS port (-1: the connection failed)").satisfiesAnyOf(
                status -> assertThat(status).isEqualTo(-1), status -> assertThat(status).isEqualTo(400));
    }

    @Test
    void theGpsDoorTakesAFixOverHttpsOnly() throws Exception {
        String fix = "/?id=860001040000101&lat=-7.7160&lon=110.3550&speed=20&batt=80&timestamp=" + Instant.now().getEpochSecond();
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + door.port() + fix)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.port() + fix)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .as("plain HTTP to the GPS door").isInstanceOf(IOException.class);
    }

    @Test
    void nothingListensBeyondThisMachineByDefault() {
        for (int p : new int[] {port, door.port()}) {
            assertThat(NetworkExposureTests.reachable("127.0.0.1", p)).as("127.0.0.1:%d", p).isTrue();
            // Linux routes all of 127/8 to loopback: a socket bound to every interface takes 127.0.0.2, one bound to 127.0.0.1 does not
            assertThat(NetworkExposureTests.reachable("127.0.0.2", p)).as("127.0.0.2:%d (another address of this machine)", p).isFalse();
        }
        assertThat(NetworkExposureTests.reachable("127.0.0.2", SIP_TLS)).as("SIP over TLS on 127.0.0.2").isFalse();
    }

    @Test
    void optionsOverTlsIsAnsweredOverTls() throws Exception {
        try (TlsSipConnection peer = TlsSipConnection.connect(CERTS.trustingContext(), SIP_TLS)) {
            assertThat(peer.protocol()).isIn("TLSv1.3", "TLSv1.2");
            String callId = "tls-options-" + System.nanoTime() + "@127.0.0.1";
            peer.send("OPTIONS sip:110@127.0.0.1:" + SIP_TLS + ";transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + peer.localPort() + ";branch=z9hG4bK-tls-options-" + System.nanoTime() + ";rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:110@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            String answer = peer.read(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no answer to OPTIONS over TLS"));
            assertThat(answer).startsWith("SIP/2.0 200").contains(callId).containsPattern("(?mi)^Allow:.*INVITE");
        }
    }

    /**
     * A caller whose carrier speaks SIP over TLS dials 110 without a location; the call goes to Polda DIY (the default
     * station), whose only READY operator's phone is reached over TLS; it rings, answers, and the caller hangs up.
     */
    @Test
    void a110CallOverTlsReachesAnOperatorWhosePhoneIsReachedOverTls() throws Exception {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
        presence.change(new OperatorId("OP-DIY-1"), Presence.READY, "test");
        List<String> phoneHeard = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> phone = CompletableFuture.runAsync(() -> answerOneCall(phoneHeard));

        try (TlsSipConnection caller = TlsSipConnection.connect(CERTS.trustingContext(), SIP_TLS)) {
            String callId = "tls-call-" + System.nanoTime() + "@127.0.0.1";
            String via = "Via: SIP/2.0/TLS 127.0.0.1:" + caller.localPort() + ";branch=z9hG4bK-tls-%s;rport\r\n";
            String from = "From: <sip:" + CALLER + "@127.0.0.1>;tag=caller1\r\n";
            String sdp = String.format(SDP, "caller", 40000);
            caller.send("INVITE sip:110@127.0.0.1:" + SIP_TLS + ";transport=tls SIP/2.0\r\n" + String.format(via, "invite")
                    + "Max-Forwards: 70\r\n" + from + "To: <sip:110@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:" + CALLER + "@127.0.0.1:" + caller.localPort() + ";transport=tls>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
            List<String> heard = new ArrayList<>();
            String ok = null;
            while (ok == null) {
                String r = caller.read(Duration.ofSeconds(40)).orElseThrow(() -> new AssertionError("the call over TLS heard only " + heard
                        + "; the phone heard " + phoneHeard + phoneFailure(phone)));
                heard.add(status(r));
                if (r.startsWith("SIP/2.0 2") && r.contains("INVITE")) {
                    ok = r;
                } else if (r.matches("(?s)SIP/2\\.0 [3-6].*")) {
                    throw new AssertionError("the call over TLS was refused: " + r + "\nthe phone heard " + phoneHeard + phoneFailure(phone));
                }
            }
            // (the stack may put a 100 Trying of its own before or after the 180: it sends one if the 180 is not out within 200 ms)
            assertThat(heard).as("what the caller heard over TLS").filteredOn(status -> !status.equals("100")).startsWith("180").endsWith("200");
            String contact = uri(header(ok, "Contact"));
            assertThat(contact).as("the edge's Contact: in-dialog requests come back over TLS, to the TLS port")
                    .isEqualTo("sip:siaga110@127.0.0.1:" + SIP_TLS + ";transport=tls");
            assertThat(ok).contains("m=audio 40002"); // the phone's answer

            String to = header(ok, "To");
            caller.send("ACK " + contact + " SIP/2.0\r\n" + String.format(via, "ack") + "Max-Forwards: 70\r\n" + from + "To: " + to + "\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
            List<JournalEntry> answered = story("+62" + CALLER.substring(1), "CallAnswered");
            assertThat(answered).as("the call's journal").anySatisfy(e -> assertThat(e.type()).isEqualTo("CallAnswered"));
            assertThat(answered.stream().filter(e -> e.type().equals("CallAnswered")).findFirst().orElseThrow().payload())
                    .contains("\"operator\":\"OP-DIY-1\"");

            caller.send("BYE " + contact + " SIP/2.0\r\n" + String.format(via, "bye") + "Max-Forwards: 70\r\n" + from + "To: " + to + "\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
            String bye = caller.read(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no answer to BYE over TLS"));
            assertThat(bye).startsWith("SIP/2.0 200").contains("CSeq: 2 BYE");
        }
        phone.get(30, TimeUnit.SECONDS);
        assertThat(phoneHeard).as("what the phone heard from the edge over TLS").containsExactly("INVITE", "ACK", "BYE");
        assertThat(story("+62" + CALLER.substring(1), "CallEnded")).extracting(JournalEntry::type)
                .containsSubsequence("CallOffered", "CallAnswered", "CallEnded");
        presence.change(new OperatorId("OP-DIY-1"), Presence.OFFLINE, "test");
    }

    /**
     * Polda DIY's phone: takes the edge's TLS connections (JAIN-SIP may open a second one to the same phone and send on
     * either, as a client may), rings, answers, and ends the call when the edge says BYE.
     */
    private static void answerOneCall(List<String> heard) {
        BlockingQueue<Received> requests = new LinkedBlockingQueue<>();
        List<TlsSipConnection> connections = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!PHONE.isClosed() && !Thread.currentThread().isInterrupted()) {
                try {
                    TlsSipConnection c = TlsSipConnection.accept(PHONE);
                    connections.add(c);
                    Thread reader = new Thread(() -> {
                        try {
                            for (Optional<String> m = c.read(Duration.ofSeconds(60)); m.isPresent(); m = c.read(Duration.ofSeconds(60))) {
                                requests.add(new Received(m.get(), c));
                            }
                        } catch (IOException closed) {
                            // the edge closed it, or the phone was put away
                        }
                    }, "tls-phone-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return; // the phone was put away
                }
            }
        }, "tls-phone");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            Received first = next(requests, heard);
            String invite = first.message();
            TlsSipConnection edge = first.connection();
            heard.add(method(invite));
            assertThat(header(invite, "Via")).as("the edge's Via to a TLS phone").startsWith("SIP/2.0/TLS 127.0.0.1:" + SIP_TLS);
            assertThat(uri(header(invite, "Contact"))).as("the edge's Contact to a TLS phone")
                    .isEqualTo("sip:siaga110@127.0.0.1:" + SIP_TLS + ";transport=tls");
            String tag = ";tag=phone-diy-1";
            edge.send(RawSipSocket.response(invite, "180 Ringing", tag));
            String sdp = String.format(SDP, "phone", 40002);
            edge.send(RawSipSocket.response(invite, "200 OK", tag).replace("Content-Length: 0\r\n\r\n",
                    "Contact: <sip:op-diy-1@127.0.0.1:" + PHONE.getLocalPort() + ";transport=tls>\r\nContent-Type: application/sdp\r\n"
                            + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp));
            for (int n = 0; n < 2; n++) { // the ACK, then the BYE
                Received request = next(requests, heard);
                heard.add(method(request.message()));
                if (request.message().startsWith("BYE ")) {
                    request.connection().send(RawSipSocket.response(request.message(), "200 OK", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the TLS phone failed: " + e, e);
        } finally {
            acceptor.interrupt();
            connections.forEach(TlsSipConnection::close);
        }
    }

    private static String phoneFailure(CompletableFuture<Void> phone) {
        if (!phone.isCompletedExceptionally()) {
            return "";
        }
        try {
            phone.join();
            return "";
        } catch (RuntimeException e) {
            return "; the phone failed: " + e.getCause();
        }
    }

    /** A message the phone read, and the connection it came on (where its answer goes). */
    private record Received(String message, TlsSipConnection connection) {
    }

    private static Received next(BlockingQueue<Received> requests, List<String> heard) {
        try {
            Received r = requests.poll(40, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("the phone heard only " + heard);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** One call's journal, oldest first, once it holds an entry of type {@code until} (or after 15 s). */
    private List<JournalEntry> story(String callerNumber, String until) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<JournalEntry> story = List.of();
        while (System.nanoTime() < deadline) {
            List<String> calls = new ArrayList<>();
            journal.scan(Journal.DEFAULT_NODE, 1, e -> {
                if (e.type().equals("CallOffered") && e.payload().contains("\"caller\":\"" + callerNumber + "\"")) {
                    calls.add(e.subjectId());
                }
            });
            if (!calls.isEmpty()) {
                story = journal.bySubject(SubjectKind.CALL, calls.get(calls.size() - 1), 1000).stream()
                        .sorted(JournalEntry.IN_ORDER).toList();
                if (story.stream().anyMatch(e -> e.type().equals(until))) {
                    return story;
                }
            }
            sleep(50);
        }
        return story;
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?mi)^" + Pattern.quote(name) + ":\\s*([^\r\n]+)").matcher(message);
        return m.find() ? m.group(1).trim() : "";
    }

    /** The URI inside a name-addr ({@code <sip:...>;params} → {@code sip:...}). */
    private static String uri(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        int gt = nameAddr.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? nameAddr.substring(lt + 1, gt) : nameAddr;
    }

    private static String status(String response) {
        return response.startsWith("SIP/2.0 ") ? response.substring(8, 11) : method(response);
    }

    private static String method(String request) {
        return request.substring(0, request.indexOf(' '));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
