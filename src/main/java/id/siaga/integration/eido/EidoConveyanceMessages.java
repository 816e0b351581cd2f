package id.siaga.integration.eido;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON objects of the EIDO conveyance's subscribe/notify protocol (NENA-STA-024.1a, the NENA911/WebSocket-Subscribe-Notify
 * schema 1.1), as the notifier writes them: each message is one object with one member named by its kind
 * ({@code subscribeResponse}, {@code event}, {@code terminate} ...). Status codes and texts are the standard's.
 */
final class EidoConveyanceMessages {

    /** The WebSocket sub-protocol a subscriber offers and the notifier accepts (NENA-STA-024.1a §2.1.3.1.2). */
    static final String SUB_PROTOCOL = "emergency-ent1.0";

    private final JsonMapper json;

    EidoConveyanceMessages(JsonMapper json) {
        this.json = json;
    }

    /** A subscribe answered: {@code subscriptionId}, {@code expires} and {@code minRate} only when it succeeded. */
    String subscribeResponse(String requestId, int status, String text, String subscriptionId, Long expiresSeconds, Long minRateSeconds) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", requestId);
        if (subscriptionId != null) {
            body.put("subscriptionId", subscriptionId);
        }
        if (minRateSeconds != null) {
            body.put("minRate", minRateSeconds);
        }
        if (expiresSeconds != null) {
            body.put("expires", expiresSeconds);
        }
        body.put("statusCode", status);
        body.put("statusText", text);
        return wrap("subscribeResponse", body);
    }

    String unsubscribeResponse(String requestId, String subscriptionId, int status, String text) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", requestId);
        body.put("subscriptionId", subscriptionId);
        body.put("statusCode", status);
        body.put("statusText", text);
        return wrap("unsubscribeResponse", body);
    }

    /** A notification: the EIDOs of the incidents that changed (none: "still here", the minRate keep-alive). */
    String event(String subscriptionId, String transactionId, List<ObjectNode> eidos) {
        ObjectNode body = json.createObjectNode();
        body.put("subscriptionId", subscriptionId);
        body.put("transactionId", transactionId);
        ArrayNode notification = body.putArray("notification");
        eidos.forEach(notification::add);
        return wrap("event", body);
    }

    /** The notifier ends a subscription (it expired, or its single incident is over). */
    String terminate(String requestId, String subscriptionId) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", requestId);
        body.put("subscriptionId", subscriptionId);
        return wrap("terminate", body);
    }

    /** A message of a kind this notifier does not take: 501 Not implemented, as the standard's {@code response} object says. */
    String notImplemented(String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("requestId", requestId);
        body.put("statusCode", 501);
        body.put("statusText", "Not implemented");
        return wrap("response", body);
    }

    /** The message's one member's name ({@code subscribe}, {@code unsubscribe}, {@code eventResponse} ...), or empty. */
    static String kind(JsonNode message) {
        if (!message.isObject() || message.size() != 1) {
            return "";
        }
        return message.propertyNames().iterator().next();
    }

    /** A text member of the message's body, or null when absent or not text. */
    static String text(JsonNode body, String name) {
        JsonNode v = body.path(name);
        return v.isString() ? v.asString() : null;
    }

    /** A whole-number member of the message's body, or null when absent; -1 when present but not a whole number. */
    static Long number(JsonNode body, String name) {
        JsonNode v = body.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        return v.isIntegralNumber() ? v.asLong() : -1L;
    }

    private String wrap(String kind, ObjectNode body) {
        ObjectNode m = json.createObjectNode();
        m.set(kind, body);
        return json.writeValueAsString(m);
    }
}
