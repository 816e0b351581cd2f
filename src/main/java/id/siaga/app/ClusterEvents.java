package id.siaga.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Incident and dispatch events as they travel between the nodes of a cluster: one JSON object, {@code {"node": the node
 * that made the change, "type": the event's record name, "event": the record}}. An incident travels as it was stored
 * ({@link Incident.Snapshot}), so the other node tells its listeners the very event this node's heard. Events of a type
 * this node does not know (a newer node in a rolling upgrade) are skipped, not guessed at.
 */
final class ClusterEvents {

    /** An event read back, with the node that made it. */
    record Received<E>(String node, E event) {
    }

    /** Incidents as their snapshot, both ways. */
    abstract static class IncidentAsSnapshot {
        @JsonValue
        abstract Incident.Snapshot snapshot();

        @JsonCreator
        static Incident restore(Incident.Snapshot snapshot) {
            return Incident.restore(snapshot);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().addMixIn(Incident.class, IncidentAsSnapshot.class)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, Class<?>> INCIDENT_TYPES = types(IncidentEvent.class, new HashMap<>());
    private static final Map<String, Class<?>> DISPATCH_TYPES = types(DispatchEvent.class, new HashMap<>());

    private ClusterEvents() {
    }

    static String write(String node, IncidentEvent event) {
        return envelope(node, event.type(), event);
    }

    static String write(String node, DispatchEvent event) {
        return envelope(node, event.type(), event);
    }

    /** The incident event, or empty for a type this node does not know. */
    static Optional<Received<IncidentEvent>> readIncident(String json) {
        return read(json, INCIDENT_TYPES, IncidentEvent.class);
    }

    /** The dispatch event, or empty for a type this node does not know. */
    static Optional<Received<DispatchEvent>> readDispatch(String json) {
        return read(json, DISPATCH_TYPES, DispatchEvent.class);
    }

    private static String envelope(String node, String type, Object event) {
        ObjectNode o = JSON.createObjectNode();
        o.put("node", node);
        o.put("type", type);
        o.set("event", JSON.valueToTree(event));
        return JSON.writeValueAsString(o);
    }

    private static <E> Optional<Received<E>> read(String json, Map<String, Class<?>> types, Class<E> kind) {
        JsonNode o = JSON.readTree(json);
        Class<?> type = types.get(o.path("type").asString());
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Received<>(o.path("node").asString(), kind.cast(JSON.treeToValue(o.path("event"), type))));
    }

    /** The records of a sealed interface (and of the sealed interfaces within it) by their simple names, as {@code type()} names them. */
    private static Map<String, Class<?>> types(Class<?> sealed, Map<String, Class<?>> into) {
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed()) {
                types(c, into);
            } else {
                into.put(c.getSimpleName(), c);
            }
        }
        return into;
    }
}
