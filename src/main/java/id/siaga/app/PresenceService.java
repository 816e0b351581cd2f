package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.org.PresenceChanged;
import id.siaga.org.PresenceChanges;
import id.siaga.org.PresenceHistory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Operator presence changes, each journalled with who made it and kept in the presence history. */
@Service
public class PresenceService implements PresenceChanges {

    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);

    private final PresenceBoard board;
    private final Journal journal;

    private final PresenceHistory history;
    private final ApplicationEventPublisher events;
    /** Where each change made on this node goes besides the journal: the cluster's other nodes, when clustered. */
    private volatile java.util.function.Consumer<PresenceChanged> replicas = c -> { };

    public PresenceService(PresenceBoard board, Journal journal, PresenceHistory history, ApplicationEventPublisher events) {
        this.board = board;
        this.journal = journal;
        this.history = history;
        this.events = events;
    }

    @Override
    public Optional<PresenceChanged> change(OperatorId operator, Presence to, String by) {
        Optional<PresenceChanged> changed = board.change(operator, to);
        changed.ifPresent(c -> {
            log.info("operator {} at {} is {} (was {}), set by {}", operator, c.station(), c.to(), c.from(), by);
            journal.append("OperatorPresenceChanged", SubjectKind.OPERATOR, operator.value(), by,
                    new PresencePayload(c.station().value(), c.from(), c.to()));
            kept(c);
            events.publishEvent(c);
            replicas.accept(c);
        });
        return changed;
    }

    /**
     * The change into the presence history the planned-against-actual staffing is read from. A database that is away
     * does not stop the change: the position is rung as it asked, the journal keeps the change, the history misses it.
     */
    private void kept(PresenceChanged c) {
        try {
            history.record(c);
        } catch (DataAccessException e) {
            log.warn("presence history misses operator {} {} -> {} at {}: {}", c.operator(), c.from(), c.to(), c.at(), e.getMessage());
        }
    }

    /** An operator's presence on this node's board. */
    Presence presenceOf(OperatorId operator) {
        return board.presenceOf(operator);
    }

    /** In a cluster: every change made on this node is also sent to the other nodes. */
    void replicateTo(java.util.function.Consumer<PresenceChanged> sink) {
        replicas = sink;
    }

    /**
     * A change another node made (and journalled): this node's board follows it, and its call pipeline and consoles hear of
     * it as of any change; it is neither journalled again nor sent back.
     */
    Optional<PresenceChanged> applyFromCluster(OperatorId operator, Presence to, String node) {
        Optional<PresenceChanged> changed = board.change(operator, to);
        changed.ifPresent(c -> {
            log.info("operator {} at {} is {} (was {}), as node {} says", operator, c.station(), c.to(), c.from(), node);
            events.publishEvent(c);
        });
        return changed;
    }

    record PresencePayload(String station, Presence from, Presence to) {
    }
}
