package id.siaga.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain. The canonical form of an event is each field as {@code length:value;} in a fixed order
 * (seq, time in epoch microseconds, type, subject kind, subject id, actor, payload), so no two different
 * events share a form. The first event chains to 64 zeros.
 */
public final class JournalChain {

    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private JournalChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String type, SubjectKind kind, String subjectId,
                              String actor, String payload) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(prevHash));
        StringBuilder canonical = new StringBuilder(128 + payload.length());
        field(canonical, Long.toString(seq));
        field(canonical, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)));
        field(canonical, type);
        field(canonical, kind.name());
        field(canonical, subjectId);
        field(canonical, actor);
        field(canonical, payload);
        return HEX.formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Recomputes an entry's hash from its own fields and the given previous hash. */
    public static String hashOf(JournalEntry e, String prevHash) {
        return hash(prevHash, e.seq(), e.at(), e.type(), e.subjectKind(), e.subjectId(), e.actor(), e.payload());
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
