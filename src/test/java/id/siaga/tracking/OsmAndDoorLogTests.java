package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.siaga.tracking.internal.OsmAndHttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Trackers on a mobile network lose their connection mid-request all the time, and a prober may send anything: the
 * OsmAnd door logs neither with a stack trace (a probe run once left 3,307 of them, 11 MB of log), and keeps serving.
 * The log is captured as logback writes it.
 */
class OsmAndDoorLogTests {

    static final String POST_HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 500\r\n\r\n";
    static final String CHUNKED_HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n100\r\n";
    static final String BATCH_HEAD = "POST /batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n";

    @TempDir
    Path dir;

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final Logger door = (Logger) LoggerFactory.getLogger("id.siaga.tracking.internal");
    Level doorLevel;
    MemoryTrackStore store;
    TrackWriter writer;
    OsmAndHttpServer server;

    @BeforeEach
    void open() {
        log.start();
        root.addAppender(log);
        doorLevel = door.getLevel();
        door.setLevel(Level.INFO); // what production logs
        store = new MemoryTrackStore();
        writer = new TrackWriter(store, new TrackWriter.Settings(2, 10, 100, Duration.ofSeconds(30), Duration.ofMillis(100),
                dir.resolve("track-spool.jsonl"), 1 << 20), new SimpleMeterRegistry());
        PositionPipelineTests.MovableClock clock = new PositionPipelineTests.MovableClock();
        PositionPipeline pipeline = new PositionPipeline(PositionPipelineTests.SLEMAN, new PositionValidator(clock, Duration.ofMinutes(5),
                Duration.ofDays(90), 300), new LivePositions(), writer, new RejectionJournal(e -> { }, clock, Duration.ofMinutes(1), 100), clock,
                new SimpleMeterRegistry());
        server = new OsmAndHttpServer(pipeline, "127.0.0.1", 0, 65536);
    }

    @AfterEach
    void close() {
        server.close();
        writer.close();
        root.detachAppender(log);
        door.setLevel(doorLevel);
    }

    /** Sends the start of a request and goes away: closing (FIN) or resetting (RST) the connection. */
    void dropMidRequest(String partial, boolean reset) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(20);
            if (reset) {
                s.setSoLinger(true, 0);
            }
        }
    }

    @Test
    void connectionsDroppedMidBodyLeaveNoStackTraceAndTheDoorKeepsServing() throws Exception {
        for (int i = 0; i < 25; i++) {
            boolean reset = i % 2 == 1;
            dropMidRequest(POST_HEAD + "id=860001040000101&lat=-7.7", reset);
            dropMidRequest(CHUNKED_HEAD + "{\"device_id\":", reset);
            dropMidRequest(BATCH_HEAD + "[{\"device_id\":", reset);
            dropMidRequest("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le", reset);
        }
        try (RawHttp http = new RawHttp(server.port())) {
            // the door still answers, and only once the fix is kept
            assertThat(http.send(("GET /?id=860001040000101&lat=-7.7156&lon=110.3558&timestamp=2026-11-28T09:59:00Z HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
            assertThat(store.rows()).hasSize(1);
        }
        List<ILoggingEvent> door = ofTheDoor();
        List<String> traces = door.stream().filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage() + " / " + e.getThrowableProxy().getClassName())
                .toList();
        assertThat(traces).as("100 dropped connections").isEmpty();
        assertThat(door).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).as("at most one line, and none for a disconnect")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void bytesThatAreNotHttpAreOneWarningLineAMinuteWithoutAStackTrace() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("GET /?id=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read(); // the door answers (400) or closes
            }
        }
        List<ILoggingEvent> door = ofTheDoor();
        assertThat(door).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();
        assertThat(door).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).hasSizeLessThanOrEqualTo(1);
    }

    /**
     * What the door and what it uses logged: the root appender also hears the other tests' servers still alive in this JVM
     * (an MQTT client retrying its broker, a unit going OFFLINE), which say nothing of this door.
     */
    List<ILoggingEvent> ofTheDoor() {
        return log.list.stream().filter(e -> e.getLoggerName().startsWith("io.netty")
                || (e.getLoggerName().startsWith("id.siaga.tracking") && !e.getLoggerName().contains("Mqtt"))).toList();
    }
}
