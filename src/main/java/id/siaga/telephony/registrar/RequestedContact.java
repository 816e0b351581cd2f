package id.siaga.telephony.registrar;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One Contact of a REGISTER: its URI (without angle brackets or display name; {@code *} for the wildcard)
 * and its own {@code expires} parameter in seconds, if it has one (it overrides the Expires header).
 */
public record RequestedContact(String uri, OptionalLong expiresSeconds) {

    public RequestedContact {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(expiresSeconds, "expiresSeconds");
    }

    public static RequestedContact of(String uri) {
        return new RequestedContact(uri, OptionalLong.empty());
    }

    public static RequestedContact of(String uri, long expiresSeconds) {
        return new RequestedContact(uri, OptionalLong.of(expiresSeconds));
    }

    boolean isWildcard() {
        return uri.trim().equals("*");
    }
}
