package id.siaga.telephony.media;

import java.util.List;
import java.util.Map;

/** What rtpengine does to the SDP and the media of an {@code offer} or {@code answer}, beyond relaying it. */
public enum SdpOption {

    /** Record the call from now to its delete, both directions (a pcap per call under rtpengine's recording directory). */
    RECORD_CALL(Map.of("record call", "yes")),
    /** Strip ICE candidates: the phones get rtpengine's address only (carriers' SBCs and desk phones do not do ICE). */
    REMOVE_ICE(Map.of("ICE", "remove")),
    /** Put rtpengine's address in the {@code o=} line too, not only in {@code c=}, so no phone's address shows through. */
    REPLACE_ORIGIN(Map.of("replace", List.of("origin")));

    final Map<String, Object> keys;

    SdpOption(Map<String, Object> keys) {
        this.keys = keys;
    }
}
