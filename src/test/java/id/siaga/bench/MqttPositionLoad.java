package id.siaga.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT load for bench/gps-load.sh: CLIENTS connections publish QoS 1 positions of UNITS simulated units on
 * {@code ROOT/LOAD-nnnnn/position}, as fast as the broker acknowledges them (up to 1000 in flight per connection),
 * until TOTAL messages are acknowledged or SECONDS pass. Unit u's n-th fix is n x 100 ms after START_MS and ~1 m
 * further south. Prints "published N in S s = R msg/s". Publishers: {@code paho} (Eclipse Paho's asynchronous
 * client) or {@code wire} ({@link MqttWirePublisher}, for rates Paho cannot produce here).
 *
 * <p>Usage: {@code java -cp ... id.siaga.bench.MqttPositionLoad BROKER ROOT UNITS TOTAL CLIENTS SECONDS START_MS [paho|wire]}
 */
public final class MqttPositionLoad {

    private MqttPositionLoad() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        String root = args[1];
        int units = Integer.parseInt(args[2]);
        long total = Long.parseLong(args[3]);
        int clients = Integer.parseInt(args[4]);
        long deadline = System.nanoTime() + Long.parseLong(args[5]) * 1_000_000_000L;
        long startMs = Long.parseLong(args[6]);
        boolean wire = args.length > 7 && args[7].equals("wire");
        AtomicLong acked = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    if (wire) {
                        publishWire(broker, root, units, total / clients, clients, client, deadline, startMs, acked);
                    } else {
                        publish(broker, root, units, total / clients, clients, client, deadline, startMs, acked);
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "mqtt-load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "published %d in %.1f s = %.0f msg/s%n", acked.get(), seconds, acked.get() / seconds);
    }

    /** Unit's n-th fix: ~1.1 m further south per round (micro-degrees, no String.format: the generator shares the cores). */
    static byte[] payload(long round, long startMs) {
        long micro = 7_700_000 + round * 10;
        return new StringBuilder(100).append("{\"lat\":-").append(micro / 1_000_000).append('.')
                .append(String.valueOf(1_000_000 + micro % 1_000_000).substring(1)).append(",\"lon\":110.3558,\"timestamp\":")
                .append(startMs + round * 100).append(",\"speed\":10.0,\"bearing\":180,\"accuracy\":5}").toString()
                .getBytes(StandardCharsets.US_ASCII);
    }

    static String topic(String root, int unit) {
        String n = String.valueOf(100_000 + unit).substring(1);
        return root + "/LOAD-" + n + "/position";
    }

    private static void publishWire(String broker, String root, int units, long count, int clients, int client, long deadline, long startMs,
                                    AtomicLong acked) throws Exception {
        java.net.URI uri = java.net.URI.create(broker);
        try (MqttWirePublisher mqtt = new MqttWirePublisher(uri.getHost(), uri.getPort(), "siaga110-gps-load-" + client + "-"
                + ProcessHandle.current().pid(), 1000, acked)) {
            for (long sent = 0; sent < count && System.nanoTime() < deadline; sent++) {
                long n = sent * clients + client;
                mqtt.publish(topic(root, (int) (n % units)), payload(n / units, startMs));
            }
            mqtt.drain();
        }
    }

    private static void publish(String broker, String root, int units, long count, int clients, int client, long deadline, long startMs,
                                AtomicLong acked) throws MqttException, InterruptedException {
        MqttAsyncClient mqtt = new MqttAsyncClient(broker, "siaga110-gps-load-" + client + "-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        AtomicLong mine = new AtomicLong();
        mqtt.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("load client " + client + " lost its connection: " + cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                mine.incrementAndGet();
                acked.incrementAndGet();
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        mqtt.connect(options).waitForCompletion(10_000);
        long sent = 0;
        while (sent < count && System.nanoTime() < deadline) {
            long n = sent * clients + client;
            int unit = (int) (n % units);
            long round = n / units;
            try {
                mqtt.publish(topic(root, unit), payload(round, startMs), 1, false);
                sent++;
            } catch (MqttException e) {
                // Paho refuses while its window is full, and (under load) while it has not yet freed acknowledged ids
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT
                        && e.getReasonCode() != MqttException.REASON_CODE_NO_MESSAGE_IDS_AVAILABLE) {
                    throw e;
                }
                Thread.sleep(0, 200_000);
            }
        }
        long until = System.nanoTime() + 30_000_000_000L;
        while (mine.get() < sent && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        mqtt.disconnect().waitForCompletion(5_000);
        mqtt.close();
    }
}
