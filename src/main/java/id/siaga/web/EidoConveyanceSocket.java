package id.siaga.web;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.IncidentId;
import id.siaga.incident.Incidents;
import id.siaga.integration.eido.EidoExport;
import id.siaga.integration.eido.EidoSubscriptions;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EIDO conveyance WebSocket, {@code /ws/eido} (NENA-STA-024.1a, sub-protocol {@code emergency-ent1.0}): another PSAP or
 * agency system connects with its API key ({@code X-Api-Key}, role INTEGRATION; anyone else is refused at the handshake),
 * subscribes, and is notified with the EIDO of each change of an incident of its home station and below, made on this
 * node or any other. The protocol is {@link EidoSubscriptions}'; this class is the socket: each session with a bounded
 * send buffer, so one slow subscriber never holds the others, and subscriptions journalled on the system's story
 * ({@code EidoSubscribed}, {@code EidoSubscriptionEnded}).
 */
@Component
class EidoConveyanceSocket extends TextWebSocketHandler implements SubProtocolCapable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EidoConveyanceSocket.class);
    /** The standard's: a subscriber may send subscription requests of up to 65,536 bytes. */
    static final int MESSAGE_LIMIT_BYTES = 65_536;
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 4 * 1024 * 1024;
    private static final int OPEN_INCIDENTS_LIMIT = 1000;

    private final EidoSubscriptions subscriptions;
    private final SocketStanding standing;
    private final Map<String, Peer> peers = new java.util.concurrent.ConcurrentHashMap<>();

    EidoConveyanceSocket(Incidents incidents, DispatchDesk desk, EidoExport export, CallLookup calls, StationDirectory stations, Journal journal,
                         JsonMapper json, EidoSubscriptions.Limits limits, Clock clock, SocketStanding standing) {
        this.standing = standing;
        EidoSubscriptions.Source source = new EidoSubscriptions.Source() {
            @Override
            public Optional<Incident> find(IncidentId id) {
                return incidents.find(id);
            }

            @Override
            public List<Incident> open(Collection<StationId> scope) {
                return incidents.atStations(scope, IncidentFilter.open(), OPEN_INCIDENTS_LIMIT);
            }

            @Override
            public ObjectNode eido(Incident incident) {
                return export.export(incident, calls.eidoCall(incident));
            }
        };
        EidoSubscriptions.Log story = new EidoSubscriptions.Log() {
            @Override
            public void subscribed(EidoSubscriptions.Subscriber s, String subscriptionId, String subType, String incident, Duration expires) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("subscriber", s.name());
                facts.put("station", s.station().value());
                facts.put("subType", subType);
                if (incident != null) {
                    facts.put("incident", incident);
                }
                facts.put("expiresSeconds", expires.toSeconds());
                journal.append("EidoSubscribed", SubjectKind.SYSTEM, "eido:" + subscriptionId, ((Peer) s).username, facts);
            }

            @Override
            public void ended(EidoSubscriptions.Subscriber s, String subscriptionId, String reason) {
                journal.append("EidoSubscriptionEnded", SubjectKind.SYSTEM, "eido:" + subscriptionId, ((Peer) s).username,
                        Map.of("subscriber", s.name(), "reason", reason));
            }
        };
        this.subscriptions = new EidoSubscriptions(source, stations::tree, story, json, limits, clock);
        incidents.addClusterListener(e -> subscriptions.changed(e.subjects()));
        desk.addClusterListener(e -> incidentOf(desk, e).ifPresent(id -> subscriptions.changed(List.of(id))));
    }

    /** One subscriber's WebSocket, as the notifier sees it. */
    private static final class Peer implements EidoSubscriptions.Subscriber {
        final WebSocketSession session;
        final String username;
        final String name;
        final StationId station;

        Peer(WebSocketSession session, SiagaPrincipal principal) {
            this.session = session;
            this.username = principal.username();
            this.name = principal.displayName() == null || principal.displayName().isBlank() ? principal.username() : principal.displayName();
            this.station = principal.station();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public StationId station() {
            return station;
        }

        @Override
        public boolean send(String message) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                session.sendMessage(new TextMessage(message));
                return true;
            } catch (IOException | RuntimeException e) {
                // too slow (the buffer is full) or gone: the decorator has closed it; it reconnects and gets the latest state
                return false;
            }
        }

        @Override
        public void close(String reason) {
            try {
                session.close(CloseStatus.NORMAL.withReason(reason));
            } catch (IOException | RuntimeException e) {
                // already gone
            }
        }
    }

    static SiagaPrincipal integrationClient(java.security.Principal principal) {
        if (principal instanceof Authentication auth && auth.getPrincipal() instanceof SiagaPrincipal p && p.has(Role.INTEGRATION)) {
            return p;
        }
        return null;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(EidoSubscriptions.subProtocol());
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        SiagaPrincipal client = integrationClient(raw.getPrincipal());
        if (client == null) {
            try {
                raw.close(CloseStatus.POLICY_VIOLATION.withReason("the EIDO conveyance is for integration clients"));
            } catch (IOException e) {
                // gone
            }
            return;
        }
        raw.setTextMessageSizeLimit(MESSAGE_LIMIT_BYTES);
        Peer peer = new Peer(new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES), client);
        peers.put(raw.getId(), peer);
        standing.watch(raw, client);
        subscriptions.opened(peer);
        log.info("EIDO conveyance: {} connected (station {})", peer.name, peer.station.value());
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        Peer peer = peers.get(raw.getId());
        if (peer != null) {
            subscriptions.received(peer, message.getPayload());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        standing.forget(raw);
        Peer peer = peers.remove(raw.getId());
        if (peer != null) {
            subscriptions.closed(peer);
            log.info("EIDO conveyance: {} disconnected ({})", peer.name, status);
        }
    }

    private static Optional<IncidentId> incidentOf(DispatchDesk desk, DispatchEvent event) {
        Assignment a = null;
        if (event instanceof DispatchEvent.UnitAssigned e) {
            a = e.assignment();
        } else if (event instanceof DispatchEvent.UnitAcknowledged e) {
            a = e.assignment();
        } else if (event instanceof DispatchEvent.OnSceneProposed e) {
            a = e.assignment();
        } else if (event instanceof DispatchEvent.AssignmentEnded e) {
            a = e.assignment();
        } else if (event instanceof DispatchEvent.UnitStatusChanged e && e.assignment() != null) {
            return desk.assignment(e.assignment()).map(Assignment::incident);
        }
        return Optional.ofNullable(a).map(Assignment::incident);
    }

    @Override
    public void close() {
        subscriptions.close();
    }
}
