package id.siaga.app;

import id.siaga.cluster.SharedTable;
import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallView;
import id.siaga.telephony.PhoneClaims;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node rings which operator's phone, in the cluster's shared table {@code phones}: key the operator, value the node
 * that rings the phone now. A claim is a create-if-absent (one node wins a race); giving it up is a delete at the claim's
 * own revision. Every node watches the table: the phones another node rings are not ringable here, and a phone another
 * node lets go is offered to this node's waiting calls. A lost node's claims are deleted by the node that takes it over.
 *
 * <p>With the bus away a claim is granted here (and said so in the log, once a minute): a phone rung by two nodes at once
 * is better than a 110 call not rung at all. When the bus is back, the phones this node's calls ring are claimed (again:
 * rung without a claim meanwhile, or the bus lost its table) and the claims on phones no call rings any more are given up.
 */
final class NatsPhoneClaims implements PhoneClaims {

    private static final Logger log = LoggerFactory.getLogger(NatsPhoneClaims.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final SharedTable table;
    private final String node;
    private final OperatorRoster roster;
    private final Consumer<Set<StationId>> freed;
    /** This node's claims, with the revision each was written at. */
    private final Map<OperatorId, Long> held = new ConcurrentHashMap<>();
    /** Phones other nodes ring, by the node that rings each. */
    private final Map<OperatorId, String> elsewhere = new ConcurrentHashMap<>();
    private volatile long lastWarning;
    /** The phones this node's calls rang when the call loop last said so: claimed again when the bus is back. */
    private volatile Set<OperatorId> ringing = Set.of();

    NatsPhoneClaims(SharedTable table, String node, OperatorRoster roster, Consumer<Set<StationId>> freed) {
        this.table = table;
        this.node = node;
        this.roster = roster;
        this.freed = freed;
    }

    /** Starts watching the table; a claim this node id left from an earlier process (killed while ringing) is deleted. */
    void start() {
        table.watch(this::changed);
        table.onReconnected(this::busBack);
    }

    /** The bus is back: the claims on phones no call rings any more are given up, and the phones the calls ring claimed. */
    private void busBack() {
        Set<OperatorId> now = ringing;
        ringingHere(now);
        if (!now.isEmpty()) {
            log.info("cluster bus back: node {} claimed again {} of the {} phones its calls ring", node, claimAgain(now), now.size());
            ringingHere(ringing); // a call that moved on meanwhile: its phone is given up again
        }
    }

    private void changed(SharedTable.Entry e) {
        OperatorId operator;
        try {
            operator = new OperatorId(e.key());
        } catch (IllegalArgumentException notAnOperator) {
            return;
        }
        if (e.value().isPresent() && !e.value().get().equals(node)) {
            elsewhere.put(operator, e.value().get());
            return;
        }
        if (e.value().isPresent() && !held.containsKey(operator)) {
            // this node id's, but not this process's: left by a process that was killed while it rang the phone
            release(operator, e.revision());
        }
        if (elsewhere.remove(operator) != null) {
            roster.find(operator).map(Operator::station).ifPresent(station -> freed.accept(Set.of(station)));
        }
    }

    @Override
    public boolean claim(OperatorId operator, CallId call) {
        if (held.containsKey(operator)) {
            return true;
        }
        held.put(operator, -1L); // claiming: the watch must not take this node's new claim for an earlier process's
        boolean claimed = false;
        try {
            for (int attempt = 0; attempt < 2 && !claimed; attempt++) {
                OptionalLong created = table.create(operator.value(), node);
                if (created.isPresent()) {
                    held.put(operator, created.getAsLong());
                    claimed = true;
                    continue;
                }
                Optional<SharedTable.Entry> holder = table.get(operator.value());
                if (holder.isPresent() && holder.get().value().orElse("").equals(node)) {
                    held.put(operator, holder.get().revision()); // this node id's from an earlier process: it is ours again
                    claimed = true;
                } else if (holder.isPresent()) {
                    elsewhere.put(operator, holder.get().value().orElse("?"));
                    break;
                }
                // else: given up between the create and the read: try once more
            }
        } catch (SharedTable.Unavailable e) {
            warn("the phone of " + operator + " is rung for call " + call + " without a claim", e);
            held.remove(operator);
            return true;
        }
        if (!claimed) {
            held.remove(operator);
        }
        return claimed;
    }

    @Override
    public void ringingHere(Set<OperatorId> operators) {
        ringing = Set.copyOf(operators);
        for (Map.Entry<OperatorId, Long> claim : held.entrySet()) {
            if (!operators.contains(claim.getKey()) && claim.getValue() >= 0) {
                try {
                    table.delete(claim.getKey().value(), claim.getValue());
                    held.remove(claim.getKey());
                } catch (SharedTable.Unavailable e) {
                    warn("the claim on the phone of " + claim.getKey() + " is kept until the bus is back", e); // given up at a later step
                }
            }
        }
    }

    @Override
    public Set<OperatorId> ringingElsewhere() {
        return Set.copyOf(elsewhere.keySet());
    }

    /** A lost node rings nothing any more: its claims are deleted (each only if it is still that node's). */
    void nodeLost(String lost) {
        elsewhere.forEach((operator, by) -> {
            if (by.equals(lost)) {
                try {
                    table.get(operator.value()).filter(e -> e.value().orElse("").equals(lost))
                            .ifPresent(e -> table.delete(operator.value(), e.revision()));
                } catch (SharedTable.Unavailable e) {
                    warn("the lost node " + lost + "'s claim on the phone of " + operator + " stays until the bus is back", e);
                }
            }
        });
    }

    /**
     * This node rejoined after another node took it over and deleted its claims, while its calls went on ringing: the
     * phones they ring ({@code ringingHere}) are claimed again. One another node claimed meanwhile is rung by both until
     * one call moves on (said in the log).
     */
    void rejoined(Set<OperatorId> ringingHere) {
        log.info("cluster: node {} rejoined: claimed again {} of the {} phones its calls ring", node, claimAgain(ringingHere), ringingHere.size());
    }

    /** Claims the phones this node's calls ring, each unless another node claimed it meanwhile (said in the log); how many. */
    private int claimAgain(Set<OperatorId> ringingHere) {
        int claimed = 0;
        for (OperatorId operator : ringingHere) {
            // claiming: the watch must not take this node's new claim for an earlier process's
            boolean claiming = held.putIfAbsent(operator, -1L) == null;
            try {
                OptionalLong created = table.create(operator.value(), node);
                if (created.isPresent()) {
                    held.put(operator, created.getAsLong());
                    claimed++;
                    continue;
                }
                Optional<SharedTable.Entry> holder = table.get(operator.value());
                if (holder.isPresent() && holder.get().value().orElse("").equals(node)) {
                    held.put(operator, holder.get().revision());
                    claimed++;
                } else if (claiming || holder.isPresent()) {
                    held.remove(operator); // not this node's (any more)
                }
                if (holder.isPresent() && !holder.get().value().orElse("").equals(node)) {
                    log.warn("cluster: node {} claims again the phone of {} its calls ring, but node {} claimed it meanwhile: rung by both until one"
                            + " call moves on", node, operator, holder.get().value().orElse("?"));
                }
            } catch (SharedTable.Unavailable e) {
                if (claiming) {
                    held.remove(operator, -1L);
                }
                warn("the phone of " + operator + " is rung here without a claim", e);
            }
        }
        return claimed;
    }

    /** The phones this node's live calls ring now (unanswered calls only). */
    static Set<OperatorId> ringingIn(List<CallView> live) {
        Set<OperatorId> ringing = new LinkedHashSet<>();
        live.stream().filter(c -> c.answeredAt() == null).forEach(c -> c.ringing().forEach(op -> ringing.add(new OperatorId(op))));
        return ringing;
    }

    private void release(OperatorId operator, long revision) {
        try {
            table.delete(operator.value(), revision);
        } catch (SharedTable.Unavailable e) {
            warn("an earlier process's claim on the phone of " + operator + " stays until the bus is back", e);
        }
    }

    private void warn(String what, SharedTable.Unavailable e) {
        long now = System.nanoTime();
        if (now - lastWarning > WARN_EVERY_NANOS) {
            lastWarning = now;
            log.warn("cluster bus unavailable ({}): {}; phones may be rung by two nodes at once until it is back", e.getMessage(), what);
        }
    }
}
