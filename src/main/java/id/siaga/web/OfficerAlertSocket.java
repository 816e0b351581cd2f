package id.siaga.web;

import id.siaga.dispatch.AlertChannel;
import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchConflictException;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.Unit;
import id.siaga.dispatch.UnitAlert;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officer app's alert push, {@code /ws/officer}: a FIELD_OFFICER's open app receives every alert of the
 * units they are a member of ({@code {"type":"alert", ...}}) and may acknowledge over the same socket
 * ({@code {"type":"ack","assignment":"…"}}, answered {@code {"type":"acknowledged"}} or {@code {"type":"error"}}).
 * On connecting, the app is sent the active assignments of its units, so an alert sent while it was closed is
 * not missed. One slow phone never holds the others: each session has a bounded send buffer.
 */
@Component
class OfficerAlertSocket extends TextWebSocketHandler implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger(OfficerAlertSocket.class);
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 256 * 1024;

    private final DispatchDesk desk;
    private final JsonMapper json;
    private final Map<String, Set<WebSocketSession>> byOfficer = new ConcurrentHashMap<>();
    private final SocketStanding standing;

    OfficerAlertSocket(DispatchDesk desk, JsonMapper json, SocketStanding standing) {
        this.desk = desk;
        this.standing = standing;
        this.json = json;
        desk.addChannel(this);
    }

    @Override
    public String name() {
        return "officer-app";
    }

    /** An officer's app is connected to one node; the other nodes' alerts reach it through this node. */
    @Override
    public boolean reachesThisNodeOnly() {
        return true;
    }

    @Override
    public boolean deliver(UnitAlert alert) {
        Unit unit = desk.roster().find(alert.unitId()).orElse(null);
        if (unit == null) {
            return false;
        }
        boolean sent = false;
        for (String member : unit.members()) {
            for (WebSocketSession s : byOfficer.getOrDefault(member, Set.of())) {
                sent |= send(s, message("alert", alert));
            }
        }
        return sent;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        SiagaPrincipal officer = officer(raw);
        if (officer == null) {
            raw.close(CloseStatus.POLICY_VIOLATION.withReason("the officer app is for FIELD_OFFICER logins"));
            return;
        }
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        raw.getAttributes().put("decorated", session);
        byOfficer.computeIfAbsent(officer.username(), u -> ConcurrentHashMap.newKeySet()).add(session);
        standing.watch(raw, officer);
        List<Unit> units = desk.roster().all().stream().filter(u -> u.members().contains(officer.username())).toList();
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("officer", officer.username());
        hello.put("units", units.stream().map(Unit::id).toList());
        hello.put("active", units.stream().flatMap(u -> desk.activeOf(u.id()).stream()).map(Assignment::facts).toList());
        send(session, message("hello", hello));
        log.info("officer app connected: {} (units {})", officer.username(), hello.get("units"));
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        WebSocketSession session = (WebSocketSession) raw.getAttributes().getOrDefault("decorated", raw);
        SiagaPrincipal officer = officer(raw);
        try {
            JsonNode m = json.readTree(message.getPayload());
            if (!"ack".equals(m.path("type").asString(""))) {
                throw new IllegalArgumentException("unknown message type '" + m.path("type").asString("") + "': only ack is accepted");
            }
            String id = m.path("assignment").asString("");
            Assignment a = desk.assignment(new AssignmentId(id)).orElseThrow(() -> new NoSuchElementException("unknown assignment " + id));
            Unit unit = desk.roster().find(a.unitId()).orElseThrow();
            if (!unit.members().contains(officer.username())) {
                throw new IllegalArgumentException(officer.username() + " is not a member of unit " + unit.callSign());
            }
            send(session, message("acknowledged", desk.acknowledge(a.id(), officer.username()).facts()));
        } catch (RuntimeException e) {
            // bad JSON, unknown assignment, not a member, assignment ended: say why (in the words every answer uses, never
            // Jackson's, which name its own types), keep the socket
            String reason;
            if (e instanceof tools.jackson.core.JacksonException j) {
                reason = JsonBodyErrors.describe(j, "the message");
            } else if (e instanceof IllegalArgumentException || e instanceof NoSuchElementException || e instanceof DispatchConflictException) {
                reason = e.getMessage();
            } else {
                reason = Problems.reason(500);
                log.warn("officer app message from {} failed", officer.username(), e);
            }
            send(session, message("error", Map.of("reason", Problems.safeDetail(400, reason))));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        standing.forget(raw);
        SiagaPrincipal officer = officer(raw);
        WebSocketSession session = (WebSocketSession) raw.getAttributes().get("decorated");
        if (officer != null && session != null) {
            byOfficer.getOrDefault(officer.username(), Set.of()).remove(session);
        }
    }

    /** Open officer app sessions; for tests and metrics. */
    int sessions() {
        return byOfficer.values().stream().mapToInt(Set::size).sum();
    }

    private static SiagaPrincipal officer(WebSocketSession session) {
        if (session.getPrincipal() instanceof Authentication auth && auth.getPrincipal() instanceof SiagaPrincipal p && p.has(Role.FIELD_OFFICER)) {
            return p;
        }
        return null;
    }

    private String message(String type, Object body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("data", body);
        return json.writeValueAsString(m);
    }

    private static boolean send(WebSocketSession session, String json) {
        try {
            session.sendMessage(new TextMessage(json));
            return true;
        } catch (IOException | RuntimeException e) {
            log.info("officer app session {} could not be sent to: {}", session.getId(), e.toString());
            return false;
        }
    }
}
