package id.siaga.telephony.registrar;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registering phone as the registrar sees it now: {@code REGISTERED} at its bindings in force, {@code EXPIRED} (it was
 * registered until {@code lastBoundUntil}, withdrawn or lapsed since), or {@code NEVER_REGISTERED}.
 */
public record Registration(State state, List<Binding> active, Optional<Instant> lastBoundUntil) {

    public enum State { REGISTERED, EXPIRED, NEVER_REGISTERED }

    public Registration {
        Objects.requireNonNull(state, "state");
        active = List.copyOf(active);
        Objects.requireNonNull(lastBoundUntil, "lastBoundUntil");
    }
}
