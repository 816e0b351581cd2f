package id.siaga.telephony.media;

/**
 * rtpengine answered with {@code result: error}; the reason is its {@code error-reason} (e.g. "Unknown call-id",
 * "Failed to start media playback from file") and the instance.
 */
public final class MediaRefusedException extends MediaException {

    private final String errorReason;

    MediaRefusedException(String command, String instance, String errorReason) {
        super("rtpengine " + instance + " refused " + command + ": " + errorReason);
        this.errorReason = errorReason;
    }

    /** rtpengine's own words, without the command and the instance. */
    public String errorReason() {
        return errorReason;
    }
}
