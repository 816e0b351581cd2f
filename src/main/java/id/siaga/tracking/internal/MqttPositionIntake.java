package id.siaga.tracking.internal;

import id.siaga.tracking.DeviceDirectory;
import id.siaga.tracking.IngestResult;
import id.siaga.tracking.PositionPipeline;
import id.siaga.tracking.PositionSource;
import id.siaga.tracking.RejectReason;
import id.siaga.tracking.Rejection;
import id.siaga.tracking.RejectionJournal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MQTT door does with each message of {@code {topicRoot}/{unit}/position}, off the network thread: hands it
 * to the {@link PositionPipeline} and acknowledges it to the broker only once the pipeline has taken it or refused it.
 * Every message ends acknowledged, so none comes back forever:
 * <ul>
 * <li>a fix, heartbeat, or anything the pipeline refuses (not JSON, not UTF-8, an unknown unit such as an emoji in the
 * topic): acknowledged when {@code pipeline.mqtt} returns; the pipeline journals its refusals;</li>
 * <li>a topic that names no unit ({@code root//position}, or a topic outside the root left over from an older
 * subscription) and a payload larger than {@code maxPayloadBytes}: refused here, journalled, acknowledged, without
 * reading the payload;</li>
 * <li>a message the pipeline fails on ({@value #ATTEMPTS} tries a second apart, for a fault that passes): journalled
 * as unreadable, logged with its cause, acknowledged;</li>
 * <li>while the history queue is full, the message is held unacknowledged and offered again every 50 ms: the broker's
 * window of unacknowledged messages fills and the senders are slowed, none is dropped.</li>
 * </ul>
 * Messages run on {@code lanes} threads, each unit always on the same lane, so a unit's fixes are taken in the order
 * the broker delivered them while other units' go on beside them (the client sends the acknowledgements in delivery
 * order, as MQTT requires). On close, what has not been taken stays unacknowledged and the broker delivers it again
 * to the next session.
 */
final class MqttPositionIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttPositionIntake.class);
    static final String POSITION = "position";
    static final int ATTEMPTS = 3;
    private static final long HOLD_MILLIS = 50;
    private static final long RETRY_MILLIS = 1_000;
    private static final long FULL_LOG_EVERY_NANOS = 10_000_000_000L;

    /** One delivered message and how to acknowledge it to the broker. */
    record Message(String topic, byte[] payload, Runnable acknowledge) {
    }

    private final PositionPipeline pipeline;
    private final RejectionJournal rejections;
    private final DeviceDirectory units;
    private final String prefix;
    private final int maxPayloadBytes;
    private final List<LinkedBlockingQueue<Message>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong lastFullLog = new AtomicLong(System.nanoTime() - FULL_LOG_EVERY_NANOS);
    private final Map<RejectReason, Counter> refused = new EnumMap<>(RejectReason.class);
    private volatile boolean running = true;

    MqttPositionIntake(PositionPipeline pipeline, RejectionJournal rejections, DeviceDirectory units, MeterRegistry meters, String topicRoot,
                       int lanes, int maxPayloadBytes) {
        this.pipeline = pipeline;
        this.rejections = rejections;
        this.units = units;
        this.prefix = topicRoot + "/";
        this.maxPayloadBytes = maxPayloadBytes;
        for (RejectReason reason : List.of(RejectReason.UNKNOWN_UNIT, RejectReason.MALFORMED)) {
            // the pipeline's meter: refusals at the door count with the pipeline's own
            refused.put(reason, Counter.builder("siaga.tracking.positions.rejected").tag("reason", reason.name())
                    .description("reported fixes refused, by reason").register(meters));
        }
        for (int i = 0; i < lanes; i++) {
            LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
            Thread t = new Thread(() -> drain(queue), "mqtt-intake-" + (i + 1));
            t.setDaemon(true);
            queues.add(queue);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Queues a delivered message on its unit's lane; returns at once (called on the client's network thread). The
     * queues need no bound of their own: the broker sends no more than the client's receive maximum unacknowledged.
     */
    void take(Message m) {
        String unit = unitOf(m.topic());
        queues.get(Math.floorMod((unit != null ? unit : m.topic()).hashCode(), queues.size())).add(m);
    }

    /** Messages taken but not yet through the pipeline. */
    int waiting() {
        return queues.stream().mapToInt(LinkedBlockingQueue::size).sum();
    }

    private void drain(LinkedBlockingQueue<Message> queue) {
        while (running) {
            Message m;
            try {
                m = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (m != null && handle(m)) {
                acknowledge(m);
            }
        }
    }

    /** True when the message is done with (taken or refused); false when closing left it untaken. */
    private boolean handle(Message m) {
        String unit = unitOf(m.topic());
        if (unit == null) {
            refuse(RejectReason.UNKNOWN_UNIT, "the topic names no unit: " + abbreviate(m.topic()), null, Map.of("topic", abbreviate(m.topic())));
            return true;
        }
        if (m.payload().length > maxPayloadBytes) {
            refuse(RejectReason.MALFORMED, "payload of " + m.payload().length + " bytes, more than the " + maxPayloadBytes
                    + " a position may have", knownUnit(unit), Map.of("unit", abbreviate(unit), "bytes", m.payload().length));
            return true;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return ingest(unit, m.payload());
            } catch (RuntimeException | Error e) {
                // an Error too (a stack overflow on some input): the lane must live on, or every acknowledgement after
                // this message would wait for it
                if (!running) {
                    return false;
                }
                if (attempt >= ATTEMPTS) {
                    log.error("MQTT message on {} ({} bytes) failed in the position pipeline {} times; acknowledged and set aside so the "
                            + "broker does not deliver it again", abbreviate(m.topic()), m.payload().length, attempt, e);
                    refuse(RejectReason.MALFORMED, "could not be processed (the server log has the cause)", knownUnit(unit),
                            Map.of("unit", abbreviate(unit), "bytes", m.payload().length));
                    return true;
                }
                log.warn("MQTT message on {} failed in the position pipeline ({}); trying again in {} ms", abbreviate(m.topic()), e.toString(),
                        RETRY_MILLIS);
                if (!pause(RETRY_MILLIS)) {
                    return false;
                }
            }
        }
    }

    /** Through the pipeline; while the history queue is full, held and offered again. False if closed meanwhile. */
    private boolean ingest(String unit, byte[] payload) {
        IngestResult result = pipeline.mqtt(unit, payload);
        while (result.busy()) {
            long now = System.nanoTime();
            long last = lastFullLog.get();
            if (now - last >= FULL_LOG_EVERY_NANOS && lastFullLog.compareAndSet(last, now)) {
                log.warn("history queue full: holding MQTT deliveries unacknowledged until there is room (the broker slows the senders)");
            }
            if (!pause(HOLD_MILLIS)) {
                return false;
            }
            result = pipeline.mqtt(unit, payload);
        }
        return true;
    }

    private boolean pause(long millis) {
        if (!running) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuse(RejectReason reason, String detail, String unit, Map<String, Object> values) {
        refused.get(reason).increment();
        try {
            rejections.rejected(new Rejection(reason, detail, null, unit, PositionSource.MQTT, values));
        } catch (RuntimeException e) {
            log.error("refused MQTT message ({}: {}) could not be journalled", reason, detail, e);
        }
    }

    private String knownUnit(String unit) {
        try {
            return units.isUnit(unit) ? unit : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void acknowledge(Message m) {
        try {
            m.acknowledge().run();
        } catch (RuntimeException e) {
            log.debug("MQTT acknowledgement of a message on {} not sent: {}", abbreviate(m.topic()), e.toString());
        }
    }

    /** The unit in {@code {root}/{unit}/position}, or null when the topic names none. */
    String unitOf(String topic) {
        if (!topic.startsWith(prefix) || !topic.endsWith("/" + POSITION) || topic.length() <= prefix.length() + POSITION.length() + 1) {
            return null;
        }
        String unit = topic.substring(prefix.length(), topic.length() - POSITION.length() - 1);
        return unit.isEmpty() || unit.indexOf('/') >= 0 ? null : unit;
    }

    /** At most 60 characters, never cutting a character outside the Basic Multilingual Plane (an emoji) in half. */
    static String abbreviate(String s) {
        if (s.length() <= 60) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(59)) ? 59 : 60;
        return s.substring(0, end) + "…";
    }

    /**
     * Stops taking messages: each lane finishes the one it is in (within {@code graceMillis}); what is still queued is
     * left unacknowledged for the broker to deliver again.
     */
    void close(long graceMillis) {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.forEach(Thread::interrupt);
        int left = waiting();
        if (left > 0) {
            log.info("MQTT door closed with {} messages not yet taken; the broker delivers them again to the next session", left);
        }
    }

    @Override
    public void close() {
        close(5_000);
    }
}
