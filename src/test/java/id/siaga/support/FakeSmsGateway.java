package id.siaga.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An operator's SMS gateway as Siaga 110 sees it: a real HTTP server on a free port of 127.0.0.1 that takes each
 * {@code POST /sms} with 202 and keeps its body, in arrival order, for the test to read.
 */
public final class FakeSmsGateway implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private FakeSmsGateway(HttpServer server) {
        this.server = server;
    }

    public static FakeSmsGateway start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FakeSmsGateway gateway = new FakeSmsGateway(server);
        server.createContext("/sms", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                gateway.received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        return gateway;
    }

    /** The webhook's address, for {@code siaga.integration.sms-webhook-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** The next SMS's JSON body, waiting up to {@code seconds}; null when none came. */
    public String next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
