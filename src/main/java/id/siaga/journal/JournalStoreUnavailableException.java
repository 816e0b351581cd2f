package id.siaga.journal;

/** The journal's database cannot be reached right now; the journal spools and retries. */
public class JournalStoreUnavailableException extends RuntimeException {

    public JournalStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
