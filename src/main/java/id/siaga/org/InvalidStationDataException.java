package id.siaga.org;

/**
 * Reference data that cannot be served: the message names the file, the line or feature and the problem,
 * so the person fixing it does not have to guess.
 */
public class InvalidStationDataException extends RuntimeException {

    public InvalidStationDataException(String message) {
        super(message);
    }

    public InvalidStationDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
