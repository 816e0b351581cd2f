package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A stored payload read leniently: keys it does not ask for are ignored, an optional key that is absent or null reads
 * as null (or the default), and a required key that is absent or of the wrong shape is a {@link Missing} that makes
 * the whole row unreadable rather than half-read.
 */
final class Fields {

    /** A required key is absent or not what it should be. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonNode node;

    Fields(JsonNode node) {
        this.node = node;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    String text(String key) {
        JsonNode v = required(key);
        if (!v.isString()) {
            throw new Missing(key + " is not a string");
        }
        return v.stringValue();
    }

    String textOrNull(String key) {
        return has(key) ? text(key) : null;
    }

    double number(String key) {
        JsonNode v = required(key);
        if (!v.isNumber()) {
            throw new Missing(key + " is not a number");
        }
        return v.asDouble();
    }

    Double numberOrNull(String key) {
        return has(key) ? number(key) : null;
    }

    int integer(String key) {
        JsonNode v = required(key);
        if (!v.isNumber()) {
            throw new Missing(key + " is not a number");
        }
        return v.asInt();
    }

    long whole(String key) {
        JsonNode v = required(key);
        if (!v.isIntegralNumber()) {
            throw new Missing(key + " is not a whole number");
        }
        return v.asLong();
    }

    boolean flag(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw new Missing(key + " is not true or false");
        }
        return v.booleanValue();
    }

    Instant instant(String key) {
        return parse(key, Instant::parse);
    }

    Instant instantOrNull(String key) {
        return has(key) ? parse(key, Instant::parse) : null;
    }

    StationId station(String key) {
        return parse(key, StationId::new);
    }

    StationId stationOrNull(String key) {
        return has(key) ? station(key) : null;
    }

    OperatorId operator(String key) {
        return parse(key, OperatorId::new);
    }

    <E extends Enum<E>> E oneOf(Class<E> type, String key) {
        return parse(key, s -> Enum.valueOf(type, s));
    }

    List<StationId> stations(String key) {
        return list(key, StationId::new);
    }

    List<String> texts(String key) {
        return list(key, s -> s);
    }

    List<OperatorId> operators(String key) {
        return list(key, OperatorId::new);
    }

    private <T> T parse(String key, Function<String, T> how) {
        String s = text(key);
        try {
            return how.apply(s);
        } catch (RuntimeException e) {
            throw new Missing(key + " '" + s + "' cannot be read: " + e.getMessage());
        }
    }

    private <T> List<T> list(String key, Function<String, T> how) {
        JsonNode v = required(key);
        if (!v.isArray()) {
            throw new Missing(key + " is not a list");
        }
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode item : v.values()) {
            if (!item.isString()) {
                throw new Missing(key + " holds something other than strings");
            }
            try {
                out.add(how.apply(item.stringValue()));
            } catch (RuntimeException e) {
                throw new Missing(key + " holds '" + item.stringValue() + "', which cannot be read: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private JsonNode required(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new Missing("no " + key);
        }
        return v;
    }
}
