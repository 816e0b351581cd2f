package id.siaga.tracking;

/**
 * Told of every position that moved a unit's live position forward (after validation, in fix-time order
 * per unit). Called on an ingestion thread: implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface PositionListener {
    void positionAccepted(Position position);
}
