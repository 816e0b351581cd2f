package id.siaga.tracking;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A device that writes its MQTT 3.1.1 packets by hand, so a test can send what no library lets through: a topic whose
 * bytes are not UTF-8 at all. {@link #publish} sends one QoS 1 PUBLISH and says what the broker answered.
 */
final class RawMqttPublisher implements AutoCloseable {

    /** What the broker did with a PUBLISH. */
    enum Answer {
        /** PUBACK for the message. */
        ACKNOWLEDGED,
        /** The broker closed the connection instead (a malformed packet). */
        DISCONNECTED
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int nextPacketId = 1;

    RawMqttPublisher(int port, String clientId) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT".getBytes(StandardCharsets.US_ASCII));
        body.write(4);    // MQTT 3.1.1
        body.write(0x02); // clean session
        body.write(0);
        body.write(60);   // keep-alive, seconds
        string(body, clientId.getBytes(StandardCharsets.UTF_8));
        send(0x10, body.toByteArray());
        int type = in.readUnsignedByte();
        byte[] rest = in.readNBytes(remainingLength());
        if (type != 0x20 || rest.length != 2 || rest[1] != 0) {
            throw new IOException("the broker refused the connection (packet 0x" + Integer.toHexString(type) + ")");
        }
    }

    /** Publishes {@code payload} on a topic of exactly these bytes, QoS 1. */
    Answer publish(byte[] topic, byte[] payload) throws IOException {
        int id = nextPacketId++;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.write(id >> 8);
        body.write(id & 0xFF);
        body.writeBytes(payload);
        send(0x32, body.toByteArray());
        try {
            int type = in.read();
            if (type < 0) {
                return Answer.DISCONNECTED;
            }
            byte[] rest = in.readNBytes(remainingLength());
            if (type != 0x40 || rest.length != 2 || ((rest[0] & 0xFF) << 8 | (rest[1] & 0xFF)) != id) {
                throw new IOException("expected PUBACK of packet " + id + ", got packet type 0x" + Integer.toHexString(type));
            }
            return Answer.ACKNOWLEDGED;
        } catch (EOFException e) {
            return Answer.DISCONNECTED;
        } catch (SocketTimeoutException e) {
            throw new IOException("the broker answered neither PUBACK nor by closing within 10 s", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                return Answer.DISCONNECTED;
            }
            throw e;
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
        packet.writeBytes(body);
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
    public void close() throws IOException {
        socket.close();
    }
}
