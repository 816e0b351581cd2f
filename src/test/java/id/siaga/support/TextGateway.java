package id.siaga.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An SMS gateway as Text to 110 sees it: a real HTTP server on a free port of 127.0.0.1 taking the replies
 * ({@code POST /sms}, JSON {@code {to, text, messageId, conversation}}). It answers 202, or 503 while told to fail, and keeps
 * every request with the status it was answered, for the test to read.
 */
public final class TextGateway implements AutoCloseable {

    /** One request and what the gateway answered. */
    public record Request(String body, int answered) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean down;

    private TextGateway(HttpServer server) {
        this.server = server;
    }

    public static TextGateway start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TextGateway gateway = new TextGateway(server);
        server.createContext("/sms", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = gateway.down || gateway.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 202;
            synchronized (gateway.requests) {
                gateway.requests.add(new Request(body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return gateway;
    }

    /** An AML SMS (ETSI TS 103 625) as a handset sends it: a GNSS fix at this point, measured now. */
    public static String amlSms(double lat, double lon) {
        String top = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String body = String.format(java.util.Locale.ROOT, "A\"ML=1;lt=%+.5f;lg=%+.5f;rd=14;top=%s;lc=68;pm=G;si=510100000000000;"
                + "ei=356938035643809;mcc=510;mnc=10;ml=", lat, lon, top);
        return body + (body.length() + 3);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** Answers the next {@code n} requests 503. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Answers every request 503 until told otherwise. */
    public void down(boolean down) {
        this.down = down;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits up to {@code patience} for a request the gateway took (2xx) that matches; null when none came. */
    public Request awaitTaken(Predicate<String> body, Duration patience) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            for (Request r : requests()) {
                if (r.answered() / 100 == 2 && body.test(r.body())) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
