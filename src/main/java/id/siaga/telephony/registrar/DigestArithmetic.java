package id.siaga.telephony.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 arithmetic of RFC 2617 §3.2.2 (kept by RFC 7616 and used by SIP, RFC 3261 §22.4), apart from
 * parsing and policy so the worked example of RFC 2617 §3.5 can check it directly.
 */
final class DigestArithmetic {

    private static final HexFormat HEX = HexFormat.of();

    private DigestArithmetic() {
    }

    static String ha1(String username, String realm, String password) {
        return md5Hex(username + ":" + realm + ":" + password);
    }

    static String ha2(String method, String digestUri) {
        return md5Hex(method + ":" + digestUri);
    }

    /** request-digest with {@code qop=auth}: MD5(HA1:nonce:nc:cnonce:qop:HA2). */
    static String response(String ha1, String nonce, String nc, String cnonce, String qop, String method, String digestUri) {
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2(method, digestUri));
    }

    /** request-digest without qop (RFC 2069 compatibility): MD5(HA1:nonce:HA2). */
    static String legacyResponse(String ha1, String nonce, String method, String digestUri) {
        return md5Hex(ha1 + ":" + nonce + ":" + ha2(method, digestUri));
    }

    /** Equality that takes the same time wherever the first difference is, so a response cannot be guessed byte by byte. */
    static boolean sameDigest(String expectedHex, String givenHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static boolean isMd5Hex(String s) {
        if (s.length() != 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    static String md5Hex(String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
