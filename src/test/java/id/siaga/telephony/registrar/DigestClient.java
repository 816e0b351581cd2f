package id.siaga.telephony.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SIP phone does with a 401, written independently of the production arithmetic: read realm and
 * nonce from the WWW-Authenticate value, compute the response, write the Authorization value.
 */
final class DigestClient {

    final String username;
    final String password;

    DigestClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    static String param(String challenge, String name) {
        Matcher m = Pattern.compile("[ ,]" + name + "=\"([^\"]*)\"").matcher(challenge);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + challenge);
        }
        return m.group(1);
    }

    /** Authorization with qop=auth, as every modern phone sends. */
    String answer(String challenge, String method, String uri, int nc, String cnonce) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String ncHex = String.format("%08x", nc);
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce + "\", qop=auth, nc=" + ncHex;
    }

    /** Authorization without qop, as RFC 2069 phones send. */
    String legacyAnswer(String challenge, String method, String uri) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String response = md5(md5(username + ":" + realm + ":" + password) + ":" + nonce + ":" + md5(method + ":" + uri));
        return "Digest username=\"" + username + "\",realm=\"" + realm + "\",nonce=\"" + nonce + "\",uri=\"" + uri
                + "\",response=\"" + response + "\"";
    }

    static String md5(String s) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
