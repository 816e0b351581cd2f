package id.siaga.tracking;

/**
 * Told of every position that moved a unit's live position forward (after validation, in fix-time order
 * per unit). Called on an ingestion thread: implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface PositionListener {

    /** A position this node's doors received and validated; it is kept in this node's track history. */
    void positionAccepted(Position position);

    /**
     * A position another node of the cluster received, validated and keeps ({@link LivePositions#shared}): the unit moved,
     * and this node neither received nor stores the fix. By default the same as {@link #positionAccepted}; a listener that
     * acts on what this node received (tells the other nodes, proposes arrival) tells the two apart.
     *
     * @param node the node that received it
     */
    default void positionShared(Position position, String node) {
        positionAccepted(position);
    }
}
