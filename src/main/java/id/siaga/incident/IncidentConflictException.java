package id.siaga.incident;

/**
 * The request was sound but the incident is not in a state that allows it (a move its status does not allow,
 * a merge into a closed incident), or somebody changed it at the same moment and this change lost the race.
 */
public class IncidentConflictException extends RuntimeException {

    public IncidentConflictException(String message) {
        super(message);
    }
}
