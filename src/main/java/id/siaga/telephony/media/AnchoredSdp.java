package id.siaga.telephony.media;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * rtpengine's SDP for the other side of an offer or answer: its own address and ports in place of the sender's.
 *
 * @param sdp        the rewritten SDP, to send on
 * @param recordings the files the call is recorded into, as rtpengine names them on its host (when recording)
 * @param instance   the rtpengine instance that holds the call
 */
public record AnchoredSdp(String sdp, List<String> recordings, InetSocketAddress instance) {

    public AnchoredSdp {
        recordings = List.copyOf(recordings);
    }
}
