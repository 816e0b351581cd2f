package id.siaga.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A device publishing at QoS 1 over MQTT 3.1.1, written out on a plain socket so a test knows exactly what the broker
 * acknowledged: {@link #publish} returns only once the broker's PUBACK for that message has arrived, and throws when the
 * connection fails before it (the message then counts as not acknowledged). The next publish after a failure connects
 * again. One message in flight at a time; clean session (the device keeps no state across connections).
 */
public final class MqttPublisher implements AutoCloseable {

    private final String host;
    private final int port;
    private final String clientId;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private int nextPacketId = 1;

    public MqttPublisher(String host, int port, String clientId) {
        this.host = host;
        this.port = port;
        this.clientId = clientId;
    }

    /** Publishes {@code payload} on {@code topic} at QoS 1; returns when the broker has acknowledged it. */
    public void publish(String topic, byte[] payload) throws IOException {
        if (!publish(topic.getBytes(StandardCharsets.UTF_8), payload)) {
            throw new EOFException("the broker closed the connection instead of acknowledging");
        }
    }

    /**
     * Publishes on a topic of exactly these bytes (a test may send what no MQTT library lets through: bytes that are not
     * UTF-8) at QoS 1: true once the broker has acknowledged it, false when the broker closed the connection instead.
     */
    public boolean publish(byte[] topic, byte[] payload) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            int id = nextPacketId;
            nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            string(body, topic);
            body.write(id >> 8);
            body.write(id & 0xFF);
            body.write(payload);
            send(0x32, body.toByteArray()); // PUBLISH, QoS 1
            int type = in.read();
            if (type < 0) {
                close();
                return false;
            }
            int length = remainingLength();
            byte[] rest = in.readNBytes(length);
            if (type != 0x40 || length != 2 || rest.length != 2 || ((rest[0] & 0xFF) << 8 | (rest[1] & 0xFF)) != id) {
                throw new IOException("expected PUBACK of packet " + id + ", got packet type 0x" + Integer.toHexString(type));
            }
            return true;
        } catch (EOFException e) {
            close();
            return false;
        } catch (IOException e) {
            close();
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                return false;
            }
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2_000);
        socket.setSoTimeout(5_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT".getBytes(StandardCharsets.US_ASCII));
        body.write(4);    // protocol level: 3.1.1
        body.write(0x02); // clean session
        body.write(0);
        body.write(60);   // keep-alive, seconds
        string(body, clientId.getBytes(StandardCharsets.UTF_8));
        send(0x10, body.toByteArray()); // CONNECT
        int type = in.readUnsignedByte();
        int length = remainingLength();
        byte[] rest = in.readNBytes(length);
        if (type != 0x20 || rest.length != 2 || rest[1] != 0) {
            throw new IOException("the broker refused the connection (CONNACK " + Integer.toHexString(type) + ", code "
                    + (rest.length == 2 ? rest[1] : -1) + ")");
        }
    }

    private void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 5);
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private int remainingLength() throws IOException {
        int value = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.read();
            if (digit < 0) {
                throw new EOFException("connection closed by the broker");
            }
            value += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return value;
    }

    private static void string(ByteArrayOutputStream to, byte[] bytes) {
        to.write(bytes.length >> 8);
        to.write(bytes.length & 0xFF);
        to.writeBytes(bytes);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
