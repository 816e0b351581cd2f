package id.siaga.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivatePostgres;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's word on screening, once acknowledged, is never lost. The server runs as its own process on a private
 * PostgreSQL; a Sleman caller's calls were answered by Polres Sleman's operator. Then, from sixteen clients at once, the
 * operator classifies those calls as pranks ({@code POST /api/calls/{id}/classification}) while the Polda supervisor
 * trusts some numbers ({@code PUT /api/numbers/{n}/trust}) and clears others ({@code POST …/clear}), and in the middle of
 * it the server is killed ({@code kill -9}); later the database stops ({@code pg_ctl stop -m immediate}) under the same
 * load and starts again, and the server is killed once more. Every request answered 200 must be in the database, in the
 * journal and in the number's reputation after each restart; while the database is away every request is answered 503
 * with a problem+json (never a 200 that is then lost).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreeningSurvivalTests {

    static final String OPERATOR = ServerApi.basic("operator.sleman1", "siaga110");
    static final String SUPERVISOR = ServerApi.basic("supervisor.diy", "siaga110");
    /**
     * Who classifies (the Sleman operators and the Polda's, who see Sleman's calls) and who trusts and clears (the Polda
     * supervisor, the administrator), in turn: each HTTP Basic request is a login, and the login throttle refuses a
     * user's logins 429 while ten of theirs are still unchecked (LoginThrottle: a burst of parallel guesses must not slip
     * past the count), so sixteen clients are spread over six users.
     */
    static final List<String> CLASSIFIERS = List.of(OPERATOR, ServerApi.basic("operator.sleman2", "siaga110"),
            ServerApi.basic("operator.diy1", "siaga110"), ServerApi.basic("operator.diy2", "siaga110"));
    static final List<String> NUMBERS_DESK = List.of(SUPERVISOR, ServerApi.ADMIN);
    /** The caller whose calls are classified; the numbers trusted and cleared are others (a word needs no call). */
    static final String CALLER = "+6281277700001";
    static final int CALLS = 150;
    static final Duration SETTLING = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    Path dir;
    PrivatePostgres pg;
    ServerProcess server;
    int httpPort;
    int sipPort;
    int phonePort;
    int starts;
    /** The caller's answered calls, none classified yet, in the order they are used. */
    final List<String> unclassified = new ArrayList<>();
    int numbers;

    /** What the clients were told was taken. */
    final Set<String> classified = Collections.synchronizedSet(new HashSet<>());
    final Set<String> trusted = Collections.synchronizedSet(new HashSet<>());
    final Set<String> cleared = Collections.synchronizedSet(new HashSet<>());

    @BeforeAll
    void peers() throws IOException {
        Sipp.requireInstalled();
        dir = Files.createTempDirectory("siaga-screening-faults-");
        pg = PrivatePostgres.start();
        httpPort = ServerProcess.freePort();
        sipPort = ServerProcess.freePort();
        phonePort = ServerProcess.freePort();
        server = startServer();
        assertThat(new ServerApi(httpPort).ready("OP-3404-1", OPERATOR).statusCode()).isEqualTo(200);
        // the caller's calls: each answered after 100 ms and ended by the caller 300 ms later (ten at a time: the
        // position takes ten lines)
        try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, CALLS, 100);
             Sipp caller = Sipp.callers("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                     Map.of("caller", CALLER, "lat", "-7.7156", "lon", "110.3558"), 300, CALLS, 10)) {
            assertThat(caller.await(180)).as("every call answered and ended\n" + caller.output() + "\n" + server.output()).isZero();
        }
        JsonNode history = awaitJson(() -> get("/api/calls/history?limit=500&caller=" + URLEncoder.encode(CALLER, StandardCharsets.UTF_8),
                SUPERVISOR), h -> h.size() == CALLS, "the caller's calls in the history");
        for (JsonNode call : history) {
            assertThat(call.path("answeredAt").isNull()).as("call %s answered", call.path("id").asString()).isFalse();
            unclassified.add(call.path("id").asString());
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (pg != null) {
            pg.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }

    @Test
    @Order(1)
    void wordsAcknowledgedJustBeforeTheServerIsKilledAreThereAfterTheRestart() throws Exception {
        Load load = new Load(next(100), 15, 15);
        load.start();
        load.awaitAcknowledged(25); // in the middle of it
        server.kill();
        load.finish();
        System.out.println("screening faults, server killed: " + load.summary());
        assertThat(load.acknowledged()).as("some words were taken before the kill").isPositive();
        assertThat(load.refusedOrCut()).as("some requests were cut by the kill").isPositive();
        server = startServer();
        assertNothingLost("server killed (kill -9) and started again");
    }

    @Test
    @Order(2)
    void whileTheDatabaseIsAwayEveryWordIsRefusedWith503AndNoneIsLost() throws Exception {
        pg.stop(); // immediate: the database host is lost
        Load outage = new Load(next(20), 5, 5);
        outage.start();
        outage.finish();
        System.out.println("screening faults, PostgreSQL stopped: " + outage.summary());
        pg.startServer();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(outage.statuses).as("while the database is away, every word is refused 503 (none taken and lost)").containsOnly("503");
        soft.assertThat(outage.problemJson.get()).as("each 503 a problem+json").isEqualTo(outage.statuses.size());
        soft.assertAll();
        outage.requeueRefusedCalls(unclassified);

        Load after = new Load(next(30), 5, 5);
        after.start();
        after.finish();
        System.out.println("screening faults, PostgreSQL back: " + after.summary());
        assertThat(after.statuses).as("the database is back: the words are taken again").contains("200");
        assertNothingLost("PostgreSQL stopped, then started again");
        server.kill();
        server = startServer();
        assertNothingLost("PostgreSQL stopped and started, then the server killed (kill -9) and started again");
    }

    /**
     * Not a loss, a measurement (printed, not asserted): a caller who hangs up right after the answer is marked on its
     * number, and while the database is away that mark waits for a connection (3 s). Eight such calls end within a
     * second of each other during an outage; how long after its answer does each reach the consoles as "ended" (told
     * by the thread that keeps call records, after the record)? With the mark on that thread it was 9.3 s for the
     * first and 3 s more for each next (29.9 s for the eighth); on the screening signals' own thread, about 6 s for
     * all (the first record and call-back task each find the database away once). Every one must still arrive.
     */
    @Test
    @Order(3)
    void callersWhoHangUpOnAnswerDuringAnOutageStillReachTheConsolesAsEnded() throws Exception {
        Map<String, Instant> answered = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Instant> ended = new java.util.concurrent.ConcurrentHashMap<>();
        var stream = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/calls/stream"))
                .header("Authorization", SUPERVISOR).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                String[] event = {null};
                stream.get().body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event[0] != null) {
                        JsonNode call = JSON.readTree(line.substring(5));
                        if (CUT_OFF_CALLER.equals(call.path("callerNumber").asString())) {
                            (event[0].equals("answered") ? answered : event[0].equals("ended") ? ended : new java.util.HashMap<String, Instant>())
                                    .putIfAbsent(call.path("id").asString(), Instant.now());
                        }
                    }
                });
            } catch (Exception e) {
                // the stream ends with the test
            }
        }, "call-stream-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(new ServerApi(httpPort).ready("OP-3404-1", OPERATOR).statusCode()).as("the operator is READY again after the restart")
                .isEqualTo(200);
        Thread.sleep(1_000);
        pg.stop();
        Instant stopped = Instant.now();
        try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 8, 100);
             Sipp caller = Sipp.callers("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                     Map.of("caller", CUT_OFF_CALLER, "lat", "-7.7156", "lon", "110.3558"), 300, 8, 8)) {
            assertThat(caller.await(120)).as("every call answered and ended\n" + caller.output() + "\n" + server.output()).isZero();
        }
        long deadline = System.nanoTime() + 90_000_000_000L;
        while ((answered.size() < 8 || !ended.keySet().containsAll(answered.keySet())) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        pg.startServer();
        stream.cancel(true);
        List<String> lags = answered.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> ended.containsKey(e.getKey()) ? Duration.between(e.getValue(), ended.get(e.getKey())).toMillis() + " ms" : "never")
                .toList();
        System.out.println("screening faults, callers who hung up 300 ms after the answer while PostgreSQL was stopped (" + answered.size()
                + " answered from " + Duration.between(stopped, answered.values().stream().min(Instant::compareTo).orElse(stopped)).toMillis()
                + " ms after the stop): from the answer to \"ended\" on the consoles, in answer order: " + lags);
        assertThat(answered).as("the calls reached the consoles as answered").hasSize(8);
        assertThat(ended.keySet()).as("every call reached the consoles as ended\n" + server.output()).containsAll(answered.keySet());
    }

    static final String CUT_OFF_CALLER = "+6281277700002";

    private List<String> next(int n) {
        List<String> calls = new ArrayList<>(unclassified.subList(0, Math.min(n, unclassified.size())));
        unclassified.removeAll(calls);
        return calls;
    }

    /** Every acknowledged word is in the database, in the journal and in the reputation the server serves. */
    private void assertNothingLost(String fault) throws Exception {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        Losses losses = losses();
        while (!losses.none() && System.nanoTime() < deadline) { // the journal's spool reaches the database a moment later
            Thread.sleep(500);
            losses = losses();
        }
        System.out.println("screening faults, " + fault + ": acknowledged " + classified.size() + " classifications, " + trusted.size()
                + " trusts, " + cleared.size() + " clears; " + losses);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(losses.notKept).as("%s: acknowledged words missing from the database", fault).isEmpty();
        soft.assertThat(losses.notJournalled).as("%s: acknowledged words missing from the journal", fault).isEmpty();
        soft.assertThat(losses.notInReputation).as("%s: acknowledged words missing from the reputation served", fault).isEmpty();
        soft.assertAll();
    }

    record Losses(List<String> notKept, List<String> notJournalled, List<String> notInReputation) {
        boolean none() {
            return notKept.isEmpty() && notJournalled.isEmpty() && notInReputation.isEmpty();
        }

        @Override
        public String toString() {
            return "lost: " + notKept.size() + " from the database " + notKept + ", " + notJournalled.size() + " from the journal "
                    + notJournalled + ", " + notInReputation.size() + " from the reputation " + notInReputation;
        }
    }

    private Losses losses() throws Exception {
        List<String> notKept = new ArrayList<>();
        List<String> notJournalled = new ArrayList<>();
        List<String> notInReputation = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
            Set<String> pranks = strings(db, "SELECT call_id FROM call_classification WHERE classification = 'PRANK'");
            Set<String> marks = strings(db, "SELECT call_id FROM number_mark WHERE source = 'CLASSIFIED' AND kind = 'PRANK'");
            Set<String> trustedRows = strings(db, "SELECT caller_number FROM number_standing WHERE trusted");
            Set<String> clearedRows = strings(db, "SELECT caller_number FROM number_standing WHERE cleared_at IS NOT NULL");
            Set<String> callsJournalled = strings(db, "SELECT subject_id FROM journal_event WHERE subject_kind = 'CALL' AND type = 'CallClassified'");
            Set<String> trustJournalled = strings(db, "SELECT subject_id FROM journal_event WHERE subject_kind = 'CALLER' AND type = 'NumberTrusted'");
            Set<String> clearJournalled = strings(db, "SELECT subject_id FROM journal_event WHERE subject_kind = 'CALLER' AND type = 'NumberCleared'");
            for (String call : List.copyOf(classified)) {
                if (!pranks.contains(call) || !marks.contains(call)) {
                    notKept.add("classification of " + call);
                }
                if (!callsJournalled.contains(call)) {
                    notJournalled.add("CallClassified " + call);
                }
            }
            for (String n : List.copyOf(trusted)) {
                if (!trustedRows.contains(n)) {
                    notKept.add("trust of " + n);
                }
                if (!trustJournalled.contains(n)) {
                    notJournalled.add("NumberTrusted " + n);
                }
            }
            for (String n : List.copyOf(cleared)) {
                if (!clearedRows.contains(n)) {
                    notKept.add("clearing of " + n);
                }
                if (!clearJournalled.contains(n)) {
                    notJournalled.add("NumberCleared " + n);
                }
            }
        }
        JsonNode reputation = get("/api/numbers/" + URLEncoder.encode(CALLER, StandardCharsets.UTF_8) + "/reputation", SUPERVISOR).json();
        Set<String> markedPranks = new HashSet<>();
        reputation.path("marks").forEach(m -> {
            if (m.path("kind").asString().equals("PRANK")) {
                markedPranks.add(m.path("call").asString());
            }
        });
        for (String call : List.copyOf(classified)) {
            if (!markedPranks.contains(call)) {
                notInReputation.add("prank mark of " + call);
            }
        }
        for (String n : List.copyOf(trusted)) {
            if (!get("/api/numbers/" + URLEncoder.encode(n, StandardCharsets.UTF_8) + "/reputation", SUPERVISOR).json()
                    .path("standing").path("trusted").asBoolean()) {
                notInReputation.add("trust of " + n);
            }
        }
        for (String n : List.copyOf(cleared)) {
            if (get("/api/numbers/" + URLEncoder.encode(n, StandardCharsets.UTF_8) + "/reputation", SUPERVISOR).json().path("clearedAt").isNull()) {
                notInReputation.add("clearing of " + n);
            }
        }
        return new Losses(notKept, notJournalled, notInReputation);
    }

    private static Set<String> strings(Connection db, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Classifications of {@code calls}, trusts and clears of fresh numbers, shuffled, from sixteen clients at once; each
     * is sent once, and what was answered 200 goes to the test's ledger.
     */
    final class Load {
        final List<Runnable> work = new ArrayList<>();
        final ExecutorService clients = Executors.newFixedThreadPool(16);
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger cut = new AtomicInteger();
        final AtomicInteger problemJson = new AtomicInteger();
        final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<String> refusedCalls = new ConcurrentLinkedQueue<>();

        Load(List<String> calls, int trusts, int clears) {
            for (String call : calls) {
                String who = CLASSIFIERS.get(work.size() % CLASSIFIERS.size());
                work.add(() -> {
                    Answer a = post("/api/calls/" + call + "/classification", "{\"classification\":\"PRANK\"}", who, "POST");
                    if (note(a)) {
                        classified.add(call);
                    } else {
                        refusedCalls.add(call);
                    }
                });
            }
            for (int i = 0; i < trusts; i++) {
                String n = "+62812777" + String.format("%05d", ++numbers);
                String who = NUMBERS_DESK.get(i % 2);
                work.add(() -> {
                    if (note(post("/api/numbers/" + URLEncoder.encode(n, StandardCharsets.UTF_8) + "/trust",
                            "{\"trusted\":true,\"reason\":\"switchboard RSUP Dr. Sardjito\"}", who, "PUT"))) {
                        trusted.add(n);
                    }
                });
            }
            for (int i = 0; i < clears; i++) {
                String n = "+62812777" + String.format("%05d", ++numbers);
                String who = NUMBERS_DESK.get((i + 1) % 2);
                work.add(() -> {
                    if (note(post("/api/numbers/" + URLEncoder.encode(n, StandardCharsets.UTF_8) + "/clear",
                            "{\"reason\":\"a child's pranks, the family was visited\"}", who, "POST"))) {
                        cleared.add(n);
                    }
                });
            }
            Collections.shuffle(work, new java.util.Random(110));
        }

        void start() {
            work.forEach(clients::execute);
            clients.shutdown();
        }

        /** Waits until {@code n} were acknowledged (or all are done). */
        void awaitAcknowledged(int n) throws InterruptedException {
            while (acks.get() < n && !clients.isTerminated()) {
                Thread.sleep(5);
            }
        }

        void finish() throws InterruptedException {
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).as("the clients finished").isTrue();
        }

        int acknowledged() {
            return acks.get();
        }

        int refusedOrCut() {
            return work.size() - acks.get();
        }

        void requeueRefusedCalls(List<String> into) {
            into.addAll(0, refusedCalls);
        }

        private boolean note(Answer a) {
            if (a == null) {
                cut.incrementAndGet();
                return false;
            }
            statuses.add(Integer.toString(a.status));
            if (a.status == 503 && a.contentType.startsWith("application/problem+json")) {
                problemJson.incrementAndGet();
            }
            if (a.status == 200) {
                acks.incrementAndGet();
                return true;
            }
            return false;
        }

        String summary() {
            Map<String, Long> byStatus = new java.util.TreeMap<>();
            List.copyOf(statuses).forEach(s -> byStatus.merge(s, 1L, Long::sum));
            return work.size() + " requests: " + byStatus + " by status, " + cut.get() + " cut off (no answer)";
        }
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** One request; null when no answer came (the connection refused or cut: nothing was acknowledged). */
    private Answer post(String path, String body, String auth, String method) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).header("Authorization", auth)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Answer get(String path, String auth) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Answer a = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            assertThat(a.status()).as("GET %s: %s", path, a.body()).isEqualTo(200);
            return a;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitJson(java.util.function.Supplier<Answer> ask, java.util.function.Predicate<JsonNode> done, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = ask.get().json();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = ask.get().json();
        }
        assertThat(done.test(last)).as(what + ": " + last + "\n" + server.output()).isTrue();
        return last;
    }

    private ServerProcess startServer() {
        List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(),
                "--spring.datasource.username=postgres", "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"),
                "--siaga.telephony.sip-port=" + sipPort, "--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort,
                "--siaga.telephony.lines.OP-3404-1=10");
        return ServerProcess.start("screening-faults-" + ++starts, httpPort, args);
    }
}
