package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * rtpengine anchored the call and records it: {@code rtpengine} (its ng address, {@code host:port}) holds it as
 * {@code mediaCallId} (the caller's SIP Call-ID) and writes {@code pcaps} (the paths its offer reply named). Journalled
 * so that a recording under way when the server stops is still finished after the next start: this row without a
 * later {@code CallRecorded} or {@code RecordingFailed} is a recording owed. {@code operatorPort} is rtpengine's port in
 * the SDP the operators' phones got (the pcap's packets sent to it are the operator's, every other audio packet the
 * caller's); null when that SDP had no audio line.
 */
public record RecordingStarted(CallId call, String rtpengine, String mediaCallId, List<String> pcaps, Integer operatorPort) implements CallEvent {

    public RecordingStarted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(rtpengine, "rtpengine");
        Objects.requireNonNull(mediaCallId, "mediaCallId");
        pcaps = List.copyOf(pcaps);
        if (pcaps.isEmpty()) {
            throw new IllegalArgumentException("a recording started names at least one pcap");
        }
        if (operatorPort != null && (operatorPort < 1 || operatorPort > 65535)) {
            throw new IllegalArgumentException("a media port is 1-65535, got " + operatorPort);
        }
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = Payload.of("rtpengine", rtpengine, "mediaCallId", mediaCallId, "pcaps", pcaps);
        if (operatorPort != null) {
            p.put("operatorPort", operatorPort);
        }
        return p;
    }

    static RecordingStarted from(CallId call, Fields f) {
        return new RecordingStarted(call, f.text("rtpengine"), f.text("mediaCallId"), f.texts("pcaps"),
                f.has("operatorPort") ? f.integer("operatorPort") : null);
    }
}
