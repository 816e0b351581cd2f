package id.siaga.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * What a password must be, and the temporary passwords an administrator hands out. At least {@value #MIN_LENGTH}
 * characters (NIST SP 800-63B asks for 8 at least; a shared station computer deserves more) and at most
 * {@value #MAX_BYTES} bytes in UTF-8 (bcrypt reads no further, so a longer one would be cut without saying), not the
 * username nor containing it. No rules of character classes: NIST advises against them, length does the work.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    /** Letters and digits a person reads aloud or copies without mistaking one for another (no 0/O, 1/l/I). */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordRules() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the password for this username. */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("the password must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("the password must be at most " + MAX_BYTES + " bytes long (about " + MAX_BYTES
                    + " letters or digits)");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the password must not contain control characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the password must not contain the username");
        }
    }

    /** A new temporary password, about 70 bits of chance, in three groups of four to read out: {@code k7Qm-x3Pr-9tZw}. */
    public static String temporary() {
        StringBuilder out = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
