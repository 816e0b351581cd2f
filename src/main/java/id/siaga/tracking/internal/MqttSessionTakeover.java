package id.siaga.tracking.internal;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lost node's MQTT session, taken over and ended: connects with that node's client id, clean start off and a session
 * expiry of zero (the session resumes now and ends when this connection closes), takes every position the broker delivers
 * through the door's intake (acknowledged once kept, like any other), and disconnects once nothing has come for
 * {@code quiet} and every position taken is acknowledged. A position the broker delivers is therefore never dropped with
 * the session. Mosquitto delivers a resumed session's queue at once; an in-flight one (delivered to the lost node,
 * never acknowledged) is delivered again.
 */
final class MqttSessionTakeover {

    private static final Logger log = LoggerFactory.getLogger(MqttSessionTakeover.class);
    private static final long POLL_MILLIS = 50;

    private final Mqtt5AsyncClient client;
    private final String clientId;
    private final MqttPositionClient.Settings settings;
    private final MqttPositionIntake intake;
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicLong lastArrivalNanos = new AtomicLong(System.nanoTime());

    MqttSessionTakeover(Mqtt5ClientBuilder builder, MqttPositionClient.Settings settings, MqttPositionIntake intake) {
        this.client = builder.buildAsync();
        this.clientId = client.getConfig().getClientIdentifier().map(Object::toString).orElse("?");
        this.settings = settings;
        this.intake = intake;
        client.publishes(MqttGlobalPublishFilter.ALL, this::arrived, true);
    }

    private void arrived(Mqtt5Publish publish) {
        taken.incrementAndGet();
        lastArrivalNanos.set(System.nanoTime());
        Runnable acknowledge = () -> {
            publish.acknowledge();
            acknowledged.incrementAndGet();
        };
        try {
            intake.take(new MqttPositionIntake.Message(publish.getTopic().toString(), publish.getPayloadAsBytes(), acknowledge));
        } catch (RuntimeException | Error e) {
            log.error("MQTT message on {} of the session taken over could not be queued; acknowledged and set aside", publish.getTopic(), e);
            acknowledge.run();
        }
    }

    /** Runs the takeover on a thread of its own; completes with the positions taken. */
    CompletableFuture<Integer> run(Duration quiet, Duration atMost) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                boolean present = MqttPositionClient.connect(client, settings, Duration.ZERO).send().get(10, TimeUnit.SECONDS).isSessionPresent();
                if (!present) {
                    log.info("MQTT session {} of the lost node had already ended: nothing to take over", clientId);
                    return 0;
                }
                lastArrivalNanos.set(System.nanoTime());
                while (System.nanoTime() - started < atMost.toNanos()) {
                    boolean quietNow = System.nanoTime() - lastArrivalNanos.get() >= quiet.toNanos();
                    if (quietNow && acknowledged.get() >= taken.get()) {
                        break;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                if (acknowledged.get() < taken.get()) {
                    log.error("MQTT session {}: {} of {} positions not yet kept after {}; the session ends without them (the database and "
                            + "the spool both refused them)", clientId, taken.get() - acknowledged.get(), taken.get(), atMost);
                }
                log.warn("MQTT session {} of the lost node taken over: {} positions it had queued or in flight taken here in {} ms; the "
                        + "session ends", clientId, taken.get(), (System.nanoTime() - started) / 1_000_000);
                return taken.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while taking over MQTT session " + clientId, e);
            } catch (Exception e) {
                throw new IllegalStateException("MQTT session " + clientId + " could not be taken over: " + e.getMessage(), e);
            } finally {
                client.disconnect().orTimeout(3, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }, r -> {
            Thread t = new Thread(r, "mqtt-takeover-" + clientId);
            t.setDaemon(true);
            t.start();
        });
    }
}
