package id.siaga.telephony.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One keypress (an RFC 4733 telephone-event) rtpengine relayed, as its {@code --dtmf-log-dest} reports it: one JSON
 * object per UDP datagram, sent when the event ends, e.g.
 * {@code {"callid":"…","source_tag":"…","tags":["…","…"],"type":"DTMF","timestamp":1796300647,"source_ip":"203.0.113.7","event":1,"duration":280,"volume":10}}.
 *
 * @param callId    the call's call-id, as in the offer
 * @param sourceTag the tag of the party that pressed the key (the offer's from-tag for the caller)
 * @param tags      every tag of the call
 * @param at        when rtpengine saw it (whole seconds)
 * @param sourceIp  the address the event came from
 * @param event     the RFC 4733 event code: 0-9 the digits, 10 {@code *}, 11 {@code #}, 12-15 A-D, 16 flash
 * @param duration  how long the key was held
 * @param volume    the event's power level, in -dBm0 (0 loudest, 63 quietest)
 */
public record DtmfEvent(String callId, String sourceTag, List<String> tags, Instant at, String sourceIp, int event, Duration duration,
                        int volume) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEYS = "0123456789*#ABCD";

    public DtmfEvent {
        tags = List.copyOf(tags);
    }

    /** The key as a person reads it ('0'-'9', '*', '#', 'A'-'D'), or '?' for flash and other events. */
    public char key() {
        return event >= 0 && event < KEYS.length() ? KEYS.charAt(event) : '?';
    }

    /** Reads one datagram of rtpengine's DTMF log; an {@link IllegalArgumentException} says why it is not one. */
    public static DtmfEvent parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            // Jackson's own message repeats what it read, control characters and all: not for a log line
            throw new IllegalArgumentException(e.getLocation() == null ? "not JSON"
                    : "not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!"DTMF".equals(node.path("type").asString(""))) {
            throw new IllegalArgumentException("not a DTMF event (its type is not \"DTMF\")");
        }
        String callId = node.path("callid").asString("");
        if (callId.isEmpty() || !node.path("event").isIntegralNumber()) {
            throw new IllegalArgumentException("a DTMF event without callid or event");
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asString("")));
        return new DtmfEvent(callId, node.path("source_tag").asString(""), tags,
                Instant.ofEpochSecond(whole(node, "timestamp", 0, MAX_EPOCH_SECOND)), node.path("source_ip").asString(""),
                (int) whole(node, "event", 0, 255), Duration.ofMillis(whole(node, "duration", 0, 86_400_000L)), (int) whole(node, "volume", 0, 127));
    }

    /** Year 9999: a timestamp past it is no clock's reading. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /** A whole number field within {@code min..max}; absent reads as {@code min}; anything else is refused, naming it. */
    private static long whole(JsonNode node, String field, long min, long max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return min;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new IllegalArgumentException("a DTMF event whose " + field + " is not a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }
}
