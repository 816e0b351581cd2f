package id.siaga.telephony.registrar;

import java.util.Objects;

/**
 * What the server knows of a position's secret: either the password itself, or HA1 =
 * MD5(username:realm:password) precomputed so the password need not sit in configuration. An HA1 is bound
 * to one realm: change the realm and every HA1 must be recomputed. Neither form prints its secret.
 */
public sealed interface DigestCredential {

    static DigestCredential password(String password) {
        return new Password(password);
    }

    static DigestCredential ha1(String hex) {
        return new Ha1(hex);
    }

    /** HA1 for this username and realm, lower-case hex. */
    String ha1(String username, String realm);

    /** The plaintext password. */
    record Password(String password) implements DigestCredential {

        public Password {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("a digest password must not be empty");
            }
        }

        @Override
        public String ha1(String username, String realm) {
            return DigestArithmetic.ha1(username, realm, password);
        }

        @Override
        public String toString() {
            return "Password[redacted]";
        }
    }

    /** MD5(username:realm:password) in hex, as Asterisk's {@code md5secret} or Kamailio's {@code ha1} column. */
    record Ha1(String hex) implements DigestCredential {

        public Ha1 {
            Objects.requireNonNull(hex, "hex");
            if (!DigestArithmetic.isMd5Hex(hex)) {
                throw new IllegalArgumentException("an HA1 must be 32 hex digits (MD5 of username:realm:password)");
            }
            hex = hex.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String ha1(String username, String realm) {
            return hex;
        }

        @Override
        public String toString() {
            return "Ha1[redacted]";
        }
    }
}
