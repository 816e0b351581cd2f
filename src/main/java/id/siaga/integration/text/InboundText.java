package id.siaga.integration.text;

import id.siaga.location.IndonesianNumbers;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message as the SMS (or chat) gateway hands it over: {@code POST /api/texts/inbound} with JSON
 * {@code {"from": "+6281…", "to": "110", "text": "…", "messageId": "…", "receivedAt": "2026-12-04T07:12:03Z", "channel": "SMS"}}.
 * {@code from} is kept as calls key numbers ({@code +62…}); {@code messageId} is the gateway's own id, by which a message
 * sent twice is known again; {@code receivedAt} (optional) is when the gateway received it; {@code channel} is
 * {@code SMS} (the default) or {@code CHAT}. Everything else is refused with the reason ({@link #parse}).
 */
public record InboundText(String from, String to, String text, String messageId, Instant receivedAt, String channel) {

    /** Longest text kept: a concatenated SMS of 13 parts, or a chat message. */
    public static final int MAX_TEXT = 2000;
    static final int MAX_MESSAGE_ID = 128;
    private static final Set<String> FIELDS = Set.of("from", "to", "text", "messageId", "receivedAt", "channel");
    private static final Set<String> CHANNELS = Set.of("SMS", "CHAT");
    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_MESSAGE_ID + "}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body was not a message this door takes; {@link #getMessage()} says why, in words a gateway's operator reads. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * Reads the gateway's JSON body.
     *
     * @throws Refused when it is not JSON, not an object, lacks a field, or a field is of the wrong kind or out of range
     */
    public static InboundText parse(String body) {
        if (body == null || body.isBlank()) {
            throw new Refused("the body is empty: send JSON {from, to, text, messageId}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Refused("the body is not JSON: send {from, to, text, messageId}");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("the body must be a JSON object {from, to, text, messageId}");
        }
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Refused("unknown field '" + shown(name) + "' (known: from, to, text, messageId, receivedAt, channel)");
            }
        }
        String rawFrom = required(root, "from");
        String from = IndonesianNumbers.normalize(rawFrom).filter(n -> n.startsWith("+"))
                .orElseThrow(() -> new Refused("from is not a phone number the reply can go back to: '" + shown(rawFrom) + "'"));
        String to = required(root, "to").strip();
        if (to.length() > 32) {
            throw new Refused("to must be at most 32 characters (the number the texter wrote to, e.g. 110)");
        }
        String text = required(root, "text");
        if (text.length() > MAX_TEXT) {
            throw new Refused("text must be at most " + MAX_TEXT + " characters, got " + text.length());
        }
        if (text.strip().isEmpty()) {
            throw new Refused("text is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)))) {
                throw new Refused("text holds a character that is not text (a NUL or a broken surrogate pair) at " + i);
            }
        }
        String messageId = required(root, "messageId");
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new Refused("messageId must be 1 to " + MAX_MESSAGE_ID + " printable ASCII characters without spaces");
        }
        Instant receivedAt = null;
        String at = optional(root, "receivedAt");
        if (at != null) {
            try {
                receivedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new Refused("receivedAt must be an ISO-8601 instant such as 2026-12-04T07:12:03Z, got '" + shown(at) + "'");
            }
        }
        String channel = optional(root, "channel");
        channel = channel == null ? "SMS" : channel.strip().toUpperCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new Refused("channel must be SMS or CHAT, got '" + shown(channel) + "'");
        }
        return new InboundText(from, to, text, messageId, receivedAt, channel);
    }

    /** Whether the text is an Advanced Mobile Location SMS (the handset's position), not words for an operator. */
    public boolean isAml() {
        return text.stripLeading().startsWith("A\"ML=");
    }

    private static String required(JsonNode root, String field) {
        String value = optional(root, field);
        if (value == null) {
            throw new Refused(field + " is required");
        }
        return value;
    }

    private static String optional(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new Refused(field + " must be a string");
        }
        return v.stringValue();
    }

    private static String shown(String s) {
        String cut = s.length() <= 40 ? s : s.substring(0, 40) + "…";
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || Character.isSurrogate((char) c) && c < 0x10000 ? '?' : c));
        return b.toString();
    }
}
