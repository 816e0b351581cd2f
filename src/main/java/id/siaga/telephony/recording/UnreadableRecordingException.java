package id.siaga.telephony.recording;

/**
 * A file that is not a recording the converter can read: not a classic pcap, a link type it does not know, or a
 * pcap without any G.711 audio. The message says which, in words an operator of the media plane understands.
 */
public final class UnreadableRecordingException extends Exception {

    public UnreadableRecordingException(String message) {
        super(message, null, false, false);
    }
}
