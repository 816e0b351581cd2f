package id.siaga.telephony.registrar;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the registrar keeps a binding (RFC 3261 §10.2.1, §10.3 step 7).
 *
 * @param minExpires shortest non-zero expiry accepted; shorter gets 423 Interval Too Brief with this as
 *        Min-Expires. 60 s keeps a phone from refreshing several times a minute and is RFC 3261's own example
 * @param defaultExpires granted when the phone asks for no expiry; 3600 s is RFC 3261's recommended default
 * @param maxExpires longer requests are cut to this. 7200 s means a phone that died unplugged is shown
 *        OFFLINE within two hours at worst; production with NAT or UDP should keep phones nearer the minimum
 * @param maxContactsPerAor bindings one position may hold; a desk phone and a softphone need two, five
 *        leaves room, more suggests a misconfigured or hostile device
 */
public record ExpiryPolicy(Duration minExpires, Duration defaultExpires, Duration maxExpires, int maxContactsPerAor) {

    public static final ExpiryPolicy DEFAULT =
            new ExpiryPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(7200), 5);

    public ExpiryPolicy {
        Objects.requireNonNull(minExpires, "minExpires");
        Objects.requireNonNull(defaultExpires, "defaultExpires");
        Objects.requireNonNull(maxExpires, "maxExpires");
        if (minExpires.compareTo(Duration.ofSeconds(1)) < 0 || minExpires.getNano() != 0
                || defaultExpires.getNano() != 0 || maxExpires.getNano() != 0) {
            throw new IllegalArgumentException("registration expiries are whole seconds, the minimum at least 1 s");
        }
        if (minExpires.compareTo(defaultExpires) > 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("registration expiries must satisfy min <= default <= max, got "
                    + minExpires.toSeconds() + " s, " + defaultExpires.toSeconds() + " s, " + maxExpires.toSeconds() + " s");
        }
        if (maxContactsPerAor < 1) {
            throw new IllegalArgumentException("maxContactsPerAor must be at least 1, got " + maxContactsPerAor);
        }
    }
}
