package id.siaga.telephony.media;

/**
 * No rtpengine instance answered: the one the call is on did not answer in time (after its retries), or none is live.
 * The reason names the instance, the timeout and the tries, e.g. "rtpengine 127.0.0.1:2223 did not answer within
 * 250 ms (3 tries)". The call goes on without a media plane.
 */
public final class MediaUnavailableException extends MediaException {

    MediaUnavailableException(String reason) {
        super(reason);
    }
}
