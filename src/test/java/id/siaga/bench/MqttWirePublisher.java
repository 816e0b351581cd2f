package id.siaga.bench;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare MQTT 3.1.1 publisher for load generation only: one socket, QoS 1 PUBLISH packets written back to back with
 * up to {@code window} unacknowledged, a reader thread counting PUBACKs. It exists because Paho's asynchronous
 * client tops out around 14,000-16,000 messages/s on this 2-core machine even with nobody subscribed (measured), below
 * what the server under test should take; the server itself subscribes with Paho.
 */
final class MqttWirePublisher implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final Semaphore window;
    private final int windowSize;
    private final AtomicLong acked;
    private final Thread reader;
    private int packetId;

    MqttWirePublisher(String host, int port, String clientId, int windowSize, AtomicLong acked) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.in = new DataInputStream(socket.getInputStream());
        this.window = new Semaphore(windowSize);
        this.windowSize = windowSize;
        this.acked = acked;
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60};
        writePacket(0x10, variable, new byte[] {(byte) (id.length >> 8), (byte) id.length}, id);
        out.flush();
        int type = in.readUnsignedByte();
        int length = in.readUnsignedByte();
        byte[] connack = in.readNBytes(length);
        if (type != 0x20 || length != 2 || connack[1] != 0) {
            throw new IOException("broker refused the connection: " + type + "/" + (connack.length > 1 ? connack[1] : -1));
        }
        this.reader = new Thread(this::readAcks, "mqtt-wire-acks");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAcks() {
        try {
            while (true) {
                int type = in.readUnsignedByte();
                int length = in.readUnsignedByte();
                in.readNBytes(length);
                if (type == 0x40) {
                    acked.incrementAndGet();
                    window.release();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Publishes with QoS 1; blocks while {@code window} messages are unacknowledged. */
    void publish(String topic, byte[] payload) throws IOException, InterruptedException {
        if (!window.tryAcquire()) {
            out.flush();
            window.acquire();
        }
        packetId = packetId == 65535 ? 1 : packetId + 1;
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        writePacket(0x32, new byte[] {(byte) (t.length >> 8), (byte) t.length}, t, new byte[] {(byte) (packetId >> 8), (byte) packetId},
                payload);
    }

    /** Flushes and waits until every message is acknowledged. */
    void drain() throws IOException, InterruptedException {
        out.flush();
        window.acquire(windowSize);
        window.release(windowSize);
    }

    private void writePacket(int header, byte[]... parts) throws IOException {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        out.write(header);
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        for (byte[] p : parts) {
            out.write(p);
        }
    }

    @Override
    public void close() throws IOException {
        out.write(0xE0);
        out.write(0);
        out.flush();
        socket.close();
    }
}
