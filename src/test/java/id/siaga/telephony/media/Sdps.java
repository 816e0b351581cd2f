package id.siaga.telephony.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SDP fixtures of src/test/resources/media with a phone's port filled in, and what tests read from SDP. */
final class Sdps {

    private Sdps() {
    }

    /** A carrier's offer for a 110 call: G.711 A-law and µ-law, telephone-event, 20 ms. */
    static String callerOffer(int port) {
        return fixture("caller-offer.sdp", port);
    }

    /** An operator's desk phone answering with A-law and telephone-event. */
    static String operatorAnswer(int port) {
        return fixture("operator-answer.sdp", port);
    }

    /** The same SDP with a direction attribute in place of {@code a=sendrecv} and the origin's version raised. */
    static String withDirection(String sdp, String direction, int version) {
        return sdp.replace("a=sendrecv", "a=" + direction).replaceFirst("(o=\\S+ \\d+ )(\\d+)", "$1" + version);
    }

    private static String fixture(String name, int port) {
        try (InputStream in = Sdps.class.getResourceAsStream("/media/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("{port}", Integer.toString(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address and port of the SDP's first audio stream: where its sender receives media. */
    static InetSocketAddress media(String sdp) {
        Matcher c = Pattern.compile("(?m)^c=IN IP4 (\\S+)").matcher(sdp);
        Matcher m = Pattern.compile("(?m)^m=audio (\\d+) ").matcher(sdp);
        if (!c.find() || !m.find()) {
            throw new IllegalArgumentException("no c= or m=audio line in\n" + sdp);
        }
        return new InetSocketAddress(c.group(1), Integer.parseInt(m.group(1)));
    }

    /** The SDP's direction attribute, "sendrecv" when it has none. */
    static String direction(String sdp) {
        Matcher d = Pattern.compile("(?m)^a=(sendrecv|sendonly|recvonly|inactive)\\s*$").matcher(sdp);
        return d.find() ? d.group(1) : "sendrecv";
    }

    /** Writes a 16-bit 8 kHz mono WAV of a sine tone, what rtpengine's play media takes. */
    static Path toneWav(Path file, int hertz, int millis) {
        int samples = 8 * millis;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
        }
        try {
            return Files.write(file, wav.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
