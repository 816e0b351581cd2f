package id.siaga.telephony.media;

import com.dampcake.bencode.Bencode;
import com.dampcake.bencode.BencodeException;
import com.dampcake.bencode.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The ng protocol's framing: a message is {@code COOKIE SPACE bencoded-dictionary}; the reply repeats the cookie. The
 * bencoding is the {@code com.dampcake:bencode} library's; strings are UTF-8 (SDP is ASCII).
 */
final class NgMessages {

    private static final Bencode BENCODE = new Bencode(StandardCharsets.UTF_8);

    private NgMessages() {
    }

    /** A reply: its cookie and its dictionary. */
    record Reply(String cookie, Map<String, Object> body) {
    }

    static byte[] encode(String cookie, Map<String, Object> body) {
        if (cookie.isEmpty() || cookie.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("an ng cookie is one word, got '" + cookie + "'");
        }
        byte[] head = (cookie + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] dict = BENCODE.encode(body);
        byte[] message = Arrays.copyOf(head, head.length + dict.length);
        System.arraycopy(dict, 0, message, head.length, dict.length);
        return message;
    }

    /** The cookie of a datagram, read without decoding the rest; empty when it has none. */
    static String cookie(byte[] datagram, int length) {
        for (int i = 0; i < length; i++) {
            if (datagram[i] == ' ') {
                return new String(datagram, 0, i, StandardCharsets.US_ASCII);
            }
        }
        return "";
    }

    /** Decodes a reply; an {@link IllegalArgumentException} says what is wrong with a datagram that is not one. */
    static Reply decode(byte[] datagram, int length) {
        String cookie = cookie(datagram, length);
        if (cookie.isEmpty()) {
            throw new IllegalArgumentException("no cookie before a space");
        }
        byte[] dict = Arrays.copyOfRange(datagram, cookie.length() + 1, length);
        if (dict.length == 0 || dict[0] != 'd') {
            throw new IllegalArgumentException("no bencoded dictionary after the cookie");
        }
        try {
            return new Reply(cookie, BENCODE.decode(dict, Type.DICTIONARY));
        } catch (BencodeException | IllegalStateException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("not bencode: " + e.getMessage(), e);
        }
    }
}
