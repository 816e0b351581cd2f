package id.siaga.telephony.registrar;

import java.time.Duration;
import java.time.Instant;

/**
 * One contact at which an address-of-record (a position's SIP username) can be reached until
 * {@code expiresAt}, with the Call-ID and CSeq of the REGISTER that last set it (RFC 3261 §10.3).
 */
public record Binding(String aor, String contactUri, Instant expiresAt, String callId, long cseq) {

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /**
     * Seconds left, rounded up, for the {@code expires} parameter of this contact in a 200: never 0 for an
     * active binding, since 0 would tell the phone it had been removed.
     */
    public long expiresSecondsAt(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return left.getNano() == 0 ? left.getSeconds() : left.getSeconds() + 1;
    }
}
