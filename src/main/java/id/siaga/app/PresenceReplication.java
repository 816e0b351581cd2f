package id.siaga.app;

import id.siaga.cluster.SharedTable;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceChanged;
import id.siaga.telephony.CallView;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator presence across the cluster, in the shared table {@code presence}: key the operator, value the node that made
 * the last change and the presence ({@code "siaga-1 READY"}). A change made on this node (an operator's console, the
 * registrar, a call taken or ended) is written there; every node applies the others' changes to its own board, so an
 * operator READY on one node is READY for every node's calls, and BUSY follows the phone across nodes. A node that starts
 * reads every operator's latest presence first. The node that made a change journals it; the others do not. A value under
 * this node's own id that this process did not write was left by its previous process (a restart): applied as it is,
 * except BUSY, which no call of this process explains: the operator is set READY (journalled). Another node's READY for
 * an operator who is answering a call on this node is not applied: she is BUSY here, and this node says so again (an
 * older value, or another node's takeover of this one while it was alive, must not make her phone ring mid-call).
 *
 * <p>A change that cannot be written (the bus is away) is kept, the last one per operator, and written when the bus is
 * back, only if nobody wrote the operator since the revision this node last knew (compare and set): a change another node
 * made meanwhile reached every node, and wins.
 */
final class PresenceReplication {

    private static final Logger log = LoggerFactory.getLogger(PresenceReplication.class);

    private final SharedTable table;
    private final String node;
    private final PresenceService presence;
    /** The last value seen of each operator, for a takeover: who set them BUSY. */
    private final Map<OperatorId, String> lastBy = new ConcurrentHashMap<>();
    /** The operators whose presence this process has written: a value under this node's id for any other was left by an earlier process. */
    private final Set<OperatorId> writtenHere = ConcurrentHashMap.newKeySet();
    /** The last revision of each operator's value this node knows (read from the table or written by it). */
    private final Map<OperatorId, Long> knownRevision = new ConcurrentHashMap<>();
    /** The changes made here that the bus did not take (it was away), the last one per operator, to be written once it is back. */
    private final Map<OperatorId, Unwritten> unwritten = new ConcurrentHashMap<>();
    /** The operators answering calls on this node (asked of the call loop, only for a READY that would end a BUSY). */
    private final java.util.function.Supplier<Set<OperatorId>> busyHere;
    private volatile long lastWarning;
    /** Reads the positions again for an operator this node does not know yet (created on another node); whether it knows her now. */
    private volatile java.util.function.Predicate<OperatorId> learn = operator -> false;

    PresenceReplication(SharedTable table, String node, PresenceService presence, java.util.function.Supplier<Set<OperatorId>> busyHere) {
        this.table = table;
        this.node = node;
        this.presence = presence;
        this.busyHere = busyHere;
    }

    /** A change the bus did not take: the presence, and the revision of the operator's value this node knew then (0: none). */
    private record Unwritten(Presence to, long over) {
    }

    void start() {
        presence.replicateTo(this::publish);
        table.watch(this::changed);
        table.onReconnected(this::writeUnwritten);
    }

    private void publish(PresenceChanged change) {
        publish(change.operator(), change.to());
    }

    private void publish(OperatorId operator, Presence to) {
        boolean writtenBefore = !writtenHere.add(operator); // before the write: its echo may come back before put returns
        try {
            long revision = table.put(operator.value(), node + " " + to.name());
            unwritten.remove(operator);
            knownRevision.merge(operator, revision, Math::max);
        } catch (SharedTable.Unavailable e) {
            if (!writtenBefore) {
                writtenHere.remove(operator); // a value under this node's id is still an earlier process's, unless it is this one (changed)
            }
            unwritten.put(operator, new Unwritten(to, knownRevision.getOrDefault(operator, 0L)));
            long now = System.nanoTime();
            if (now - lastWarning > 60_000_000_000L) {
                lastWarning = now;
                log.warn("cluster bus unavailable ({}): operator {} is {} on this node only until it is back", e.getMessage(), operator, to);
            }
        }
    }

    /**
     * The bus is back: each change made here that it did not take is written now, unless another node wrote the operator
     * since this node last knew her value (that change reached every node, and wins). Throws {@link SharedTable.Unavailable}
     * when the bus went away again: the table runs it again.
     */
    private void writeUnwritten() {
        for (Map.Entry<OperatorId, Unwritten> pending : Map.copyOf(unwritten).entrySet()) {
            OperatorId operator = pending.getKey();
            Unwritten change = pending.getValue();
            String value = node + " " + change.to().name();
            boolean writtenBefore = !writtenHere.add(operator);
            boolean written;
            try {
                written = change.over() != 0 && table.update(operator.value(), value, change.over())
                        // none there: never written, or the bus lost the table meanwhile (its revisions begin again)
                        || table.get(operator.value()).isEmpty() && table.create(operator.value(), value).isPresent();
            } catch (SharedTable.Unavailable e) {
                if (!writtenBefore) {
                    writtenHere.remove(operator);
                }
                throw e;
            }
            unwritten.remove(operator, change);
            if (written) {
                log.info("cluster bus back: operator {} is {} on this node since the bus was away; told to every node now", operator, change.to());
            } else {
                if (!writtenBefore) {
                    writtenHere.remove(operator);
                }
                log.info("cluster bus back: operator {} was set {} here while the bus was away, but another node changed her since; its change"
                        + " holds", operator, change.to());
            }
        }
    }

    private void changed(SharedTable.Entry e) {
        if (e.value().isEmpty()) {
            return;
        }
        String[] parts = e.value().get().split(" ", 2);
        if (parts.length != 2) {
            log.warn("cluster bus: presence of {} is unreadable: {}", e.key(), e.value().get());
            return;
        }
        OperatorId operator;
        Presence to;
        try {
            operator = new OperatorId(e.key());
            to = Presence.valueOf(parts[1]);
        } catch (IllegalArgumentException unreadable) {
            log.warn("cluster bus: presence of {} is unreadable: {}", e.key(), e.value().get());
            return;
        }
        lastBy.put(operator, parts[0] + " " + to.name());
        knownRevision.put(operator, e.revision()); // in order; lower only when the bus lost the table and it began again
        Unwritten pending = unwritten.get(operator);
        if (parts[0].equals(node) && pending != null && pending.to() == to) {
            // a write that timed out on the way but was taken: this process's own
            writtenHere.add(operator);
            unwritten.remove(operator, pending);
            return;
        }
        if (parts[0].equals(node) && writtenHere.contains(operator)) {
            return; // this process's own change, back from the bus
        }
        try {
            if (parts[0].equals(node) && to == Presence.BUSY) {
                // left by this node id's previous process (killed, or stopped in a call): its calls are closed, and this
                // process has none of the operator's; left BUSY, nobody would ever ring the operator again
                presence.change(operator, Presence.READY, "cluster: node " + node + " restarted; BUSY was left by its previous process");
                return;
            }
            if (to == Presence.READY && presence.presenceOf(operator) == Presence.BUSY && inACallHere(operator)) {
                log.warn("cluster: node {} says operator {} is READY, but she answers a call on this node: she stays BUSY, and every node is "
                        + "told so again", parts[0], operator);
                publish(operator, Presence.BUSY);
                return;
            }
            presence.applyFromCluster(operator, to, parts[0]);
        } catch (java.util.NoSuchElementException unknown) {
            if (learn.test(operator)) {
                // a position created on another node a moment ago: its presence holds here too
                presence.applyFromCluster(operator, to, parts[0]);
            } else {
                log.debug("cluster bus: presence of {}, an operator this node does not know", operator);
            }
        }
    }

    /** How this node learns of a position another node created, when its presence arrives before the news of it. */
    void learnPositionsWith(java.util.function.Predicate<OperatorId> reload) {
        learn = reload;
    }

    private boolean inACallHere(OperatorId operator) {
        try {
            return busyHere.get().contains(operator);
        } catch (RuntimeException e) {
            log.warn("cluster: whether operator {} answers a call on this node could not be told ({}): the other node's READY is applied",
                    operator, e.toString());
            return false;
        }
    }

    /**
     * This node rejoined after another node took it over and set the operators it had made BUSY READY, while their calls
     * here went on: each operator busy in this node's calls ({@code busyHere}) is BUSY again, set by this node, journalled
     * and told to every node, so nobody rings a phone that is in a call here.
     */
    void rejoined(Set<OperatorId> busyHere) {
        for (OperatorId operator : busyHere) {
            try {
                if (presence.change(operator, Presence.BUSY, "cluster: node " + node + " rejoined; in a call here").isEmpty()) {
                    // still BUSY on this board (the other node's READY not heard here): the table is told all the same
                    publish(operator, Presence.BUSY);
                }
            } catch (java.util.NoSuchElementException unknown) {
                log.debug("cluster: operator {} in a call here is not on this node's roster", operator);
            }
        }
        log.info("cluster: node {} rejoined: {} operators in its calls BUSY again", node, busyHere.size());
    }

    /**
     * The operators this node's live calls keep BUSY: those answering at least as many calls here as their position has
     * lines ({@code lines}: 1 for a person at a phone).
     */
    static Set<OperatorId> busyIn(List<CallView> live, ToIntFunction<OperatorId> lines) {
        Map<OperatorId, Integer> answering = new LinkedHashMap<>();
        live.stream().filter(c -> c.answeredBy() != null).forEach(c -> answering.merge(new OperatorId(c.answeredBy()), 1, Integer::sum));
        Set<OperatorId> busy = new LinkedHashSet<>();
        answering.forEach((operator, calls) -> {
            if (calls >= lines.applyAsInt(operator)) {
                busy.add(operator);
            }
        });
        return busy;
    }

    /**
     * A lost node's calls are closed: the operators it had made BUSY (in one of its calls) are READY again, set by this
     * node and journalled, so they can take calls and call back the caller they lost.
     */
    void nodeLost(String lost) {
        lastBy.forEach((operator, value) -> {
            if (value.equals(lost + " " + Presence.BUSY.name())) {
                presence.change(operator, Presence.READY, "cluster: node " + lost + " was lost");
            }
        });
    }
}
