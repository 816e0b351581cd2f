package id.siaga.telephony.registrar;

import java.time.Instant;

/** A position's last binding lapsed without a refresh: its phone is unreachable from {@code at}. */
public record RegistrationExpired(String aor, Instant at) {
}
