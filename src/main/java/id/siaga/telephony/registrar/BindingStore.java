package id.siaga.telephony.registrar;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@link Registrar} keeps its bindings: one list per address-of-record (a position's SIP username), in the
 * order the registrar put them, lapsed ones included until the registrar removes them. The JDBC adapter keeps them in
 * the database every node of a cluster shares, so a phone that registers through one node is rung by any node.
 *
 * <p>A store decides nothing: the registrar's rules (RFC 3261 §10.3) run inside {@link #change}, which a store applies
 * atomically per address-of-record across every registrar that shares it (two nodes handling REGISTERs for one
 * position at once must not lose either). Every method throws {@link Unavailable} when the store cannot answer
 * (the database is away); nothing is then changed.
 */
public interface BindingStore {

    /**
     * Reads the bindings of {@code aor} and applies {@code change} to them, atomically: no other change to this
     * address-of-record, on this node or another, runs between the read and the write. An exception thrown by
     * {@code change} leaves the bindings as they were and is rethrown.
     *
     * @return what {@code change} returned with its update
     */
    <T> T change(String aor, Change<T> change);

    /** The bindings of {@code aor} as last written, lapsed ones included; empty when it has none. */
    List<Binding> bindingsOf(String aor);

    /**
     * Until when {@code aor} was last bound: the latest expiry its bindings had when the registrar last wrote them (the
     * moment they were withdrawn, if a REGISTER removed them), kept after the bindings are gone; empty when it never
     * registered. This default reads only what is stored now.
     */
    default Optional<Instant> lastBoundUntil(String aor) {
        return bindingsOf(aor).stream().map(Binding::expiresAt).max(java.util.Comparator.naturalOrder());
    }

    /** Each address-of-record holding at least one binding whose time is up at {@code now}, once. */
    List<String> withLapsedBindings(Instant now);

    /** The registrar's rule for one address-of-record: its stored bindings in, what to store and what to report out. */
    @FunctionalInterface
    interface Change<T> {

        Update<T> apply(List<Binding> stored);
    }

    /**
     * What a {@link Change} decided: the bindings that replace the stored ones (empty: keep them as they are) and the
     * result to hand back.
     */
    record Update<T>(Optional<List<Binding>> replacement, T result) {

        public Update {
            Objects.requireNonNull(replacement, "replacement");
            replacement = replacement.map(List::copyOf);
        }

        /** Nothing changes. */
        public static <T> Update<T> keep(T result) {
            return new Update<>(Optional.empty(), result);
        }

        /** These bindings, in this order, replace the stored ones (an empty list removes them all). */
        public static <T> Update<T> replace(List<Binding> bindings, T result) {
            return new Update<>(Optional.of(bindings), result);
        }
    }

    /**
     * The store could not answer (the database is away or refused): nothing was read or changed. A REGISTER then
     * cannot be confirmed; ringing falls back to the bindings it last read.
     */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
