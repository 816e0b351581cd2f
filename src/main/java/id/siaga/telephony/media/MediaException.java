package id.siaga.telephony.media;

/**
 * rtpengine did not do what was asked. Its message is a reason a person can read, for the journal
 * ({@code MediaUnavailable}) and the log: {@link MediaUnavailableException} when no instance answered,
 * {@link MediaRefusedException} when one answered with an error.
 */
public abstract sealed class MediaException extends Exception permits MediaUnavailableException, MediaRefusedException {

    MediaException(String reason) {
        super(reason);
    }

    /** What went wrong, in words; the same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
