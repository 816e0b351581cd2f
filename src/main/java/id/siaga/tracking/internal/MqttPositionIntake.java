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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * order, as MQTT requires). A lane does not wait for a fix's commit: it validates the message, hands its fix to the
 * history writer ({@link PositionPipeline#mqttAsync}) and goes on to the next, and the message is acknowledged when
 * the writer reports the fix kept; the fixes that arrive during one commit share the next (group commit). A fix the
 * writer could not keep in time (the database and the spool both refusing) is offered again from its lane after a
 * pause, behind what came meanwhile (it is then stored as out of order if a newer fix of its unit went first); the
 * store keeps a fix once however often it comes. On close, what has not been taken stays unacknowledged and the broker
 * delivers it again to the next session.
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
    /** Messages handed to the history writer and not yet acknowledged or offered again. */
    private final AtomicInteger committing = new AtomicInteger();
    private final Counter reoffered;
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
        reoffered = Counter.builder("siaga.tracking.mqtt.reoffered")
                .description("MQTT messages whose fix the history writer could not keep in time, offered to the pipeline again").register(meters);
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
            if (m != null) {
                handle(m, queue);
            }
        }
    }

    /**
     * Takes one message: acknowledged at once when refused, once its fix is kept otherwise (offered again on its lane
     * if the writer could not keep it in time). Nothing happens to a message closing leaves untaken.
     */
    private void handle(Message m, LinkedBlockingQueue<Message> lane) {
        String unit = unitOf(m.topic());
        if (unit == null) {
            refuse(RejectReason.UNKNOWN_UNIT, "the topic names no unit: " + abbreviate(m.topic()), null, Map.of("topic", abbreviate(m.topic())));
            acknowledge(m);
            return;
        }
        if (m.payload().length > maxPayloadBytes) {
            refuse(RejectReason.MALFORMED, "payload of " + m.payload().length + " bytes, more than the " + maxPayloadBytes
                    + " a position may have", knownUnit(unit), Map.of("unit", abbreviate(unit), "bytes", m.payload().length));
            acknowledge(m);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                CompletableFuture<IngestResult> kept = offer(unit, m.payload());
                if (kept == null) {
                    return; // closing
                }
                committing.incrementAndGet();
                kept.whenComplete((result, e) -> {
                    try {
                        if (e == null && !result.busy()) {
                            acknowledge(m);
                        } else if (running) {
                            // not kept within the commit timeout: nothing of it counts as received, so it is taken again,
                            // after a pause (a database and a spool that refuse at once must not be asked in a tight loop)
                            reoffered.increment();
                            CompletableFuture.delayedExecutor(HOLD_MILLIS, TimeUnit.MILLISECONDS).execute(() -> lane.add(m));
                        }
                    } finally {
                        committing.decrementAndGet();
                    }
                });
                return;
            } catch (RuntimeException | Error e) {
                // an Error too (a stack overflow on some input): the lane must live on, or every acknowledgement after
                // this message would wait for it
                if (!running) {
                    return;
                }
                if (attempt >= ATTEMPTS) {
                    log.error("MQTT message on {} ({} bytes) failed in the position pipeline {} times; acknowledged and set aside so the "
                            + "broker does not deliver it again", abbreviate(m.topic()), m.payload().length, attempt, e);
                    refuse(RejectReason.MALFORMED, "could not be processed (the server log has the cause)", knownUnit(unit),
                            Map.of("unit", abbreviate(unit), "bytes", m.payload().length));
                    acknowledge(m);
                    return;
                }
                log.warn("MQTT message on {} failed in the position pipeline ({}); trying again in {} ms", abbreviate(m.topic()), e.toString(),
                        RETRY_MILLIS);
                if (!pause(RETRY_MILLIS)) {
                    return;
                }
            }
        }
    }

    /**
     * Into the pipeline, which answers at once when the history queue is full (then the message is held and offered
     * again) and otherwise with a future of its commit. Null if closed meanwhile.
     */
    private CompletableFuture<IngestResult> offer(String unit, byte[] payload) {
        CompletableFuture<IngestResult> result = pipeline.mqttAsync(unit, payload);
        while (result.isDone() && !result.isCompletedExceptionally() && result.join().busy()) {
            long now = System.nanoTime();
            long last = lastFullLog.get();
            if (now - last >= FULL_LOG_EVERY_NANOS && lastFullLog.compareAndSet(last, now)) {
                log.warn("history queue full: holding MQTT deliveries unacknowledged until there is room (the broker slows the senders)");
            }
            if (!pause(HOLD_MILLIS)) {
                return null;
            }
            result = pipeline.mqttAsync(unit, payload);
        }
        return result;
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
        // the fixes handed to the writer: their acknowledgements go out before the connection closes, if in time
        while (committing.get() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = waiting() + committing.get();
        if (left > 0) {
            log.info("MQTT door closed with {} messages not yet taken; the broker delivers them again to the next session", left);
        }
    }

    @Override
    public void close() {
        close(5_000);
    }
}
