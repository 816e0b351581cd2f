package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a row's payload the way the call path always wrote it: ids as their plain strings, enums by name, times as
 * ISO-8601, numbers as numbers; a null stays a null (a key left out is left out by the caller). The journal sorts
 * the keys.
 */
final class Payload {

    private Payload() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], plain(keysAndValues[i + 1]));
        }
        return m;
    }

    static Object plain(Object v) {
        if (v instanceof CallId || v instanceof OperatorId || v instanceof StationId || v instanceof Instant) {
            return v.toString();
        } else if (v instanceof Enum<?> e) {
            return e.name();
        } else if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(plain(x)));
            return out;
        }
        return v;
    }
}
