package id.siaga.integration.eido;

import id.siaga.incident.Incident;
import id.siaga.incident.IncidentId;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The notifier side of the EIDO conveyance (NENA-STA-024.1a): subscribers on WebSockets subscribe, and are notified with
 * the EIDO of every change of an incident they subscribed to. A subscription is for {@code new} incidents (every incident
 * of the subscriber's stations, as it opens and as it changes; on subscribing, the open ones at once, or an empty
 * notification when there are none, so a subscriber that reconnects has the latest state) or for a {@code single} incident
 * (its EIDO at once, then its changes; one closed less than {@link #CLOSED_GRACE} ago gets its last EIDO and the subscription
 * ends). A subscriber sees only the incidents of its home station and below. Each notification carries a transaction id
 * the subscriber acknowledges ({@code eventResponse}); one that leaves {@link #MAX_UNACKNOWLEDGED} unacknowledged is
 * disconnected (it reconnects and gets the latest state). Subscriptions expire after their {@code expires} unless renewed;
 * the last one ending closes the WebSocket; a closed WebSocket ends its subscriptions. Every subscription and its end are
 * told to {@link Log} (journalled by the wiring).
 *
 * <p>Everything runs on one thread of its own: a change's listener only queues the incident, never waits, and changes
 * queued together are notified once, each with the incident as it is when sent.
 */
public final class EidoSubscriptions implements AutoCloseable {

    /** A single incident closed less than this long ago may still be subscribed to, for its last EIDO (the standard's five minutes). */
    static final Duration CLOSED_GRACE = Duration.ofMinutes(5);
    /** Notifications a subscriber may leave unacknowledged before it is disconnected as not keeping up. */
    static final int MAX_UNACKNOWLEDGED = 64;
    /** Subscriptions one WebSocket may hold. */
    static final int MAX_SUBSCRIPTIONS = 16;
    private static final Duration SHORTEST_EXPIRES = Duration.ofSeconds(15);
    private static final Duration SHORTEST_MIN_RATE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(EidoSubscriptions.class);

    /** @param longestExpires the longest a subscription lasts without renewal, and what one that names no {@code expires} gets */
    public record Limits(Duration longestExpires) {
    }

    /** One WebSocket of a subscriber. */
    public interface Subscriber {

        /** Who it is (the API client's name), for the journal and the log. */
        String name();

        /** Its home station: it is notified of the incidents of this station and below only. */
        StationId station();

        /** Sends one message; false when it could not (the socket is gone or too far behind). Never blocks for long. */
        boolean send(String message);

        /** Closes the WebSocket, saying why. */
        void close(String reason);
    }

    /** Where the incidents come from. */
    public interface Source {

        Optional<Incident> find(IncidentId id);

        /** The open incidents of {@code stations}. */
        List<Incident> open(Collection<StationId> stations);

        /** The incident as an EIDO, as it stands now. */
        ObjectNode eido(Incident incident);
    }

    /** Told of each subscription made and ended. */
    public interface Log {

        void subscribed(Subscriber subscriber, String subscriptionId, String subType, String incident, Duration expires);

        /** {@code reason}: unsubscribed, expired, incident closed, disconnected. */
        void ended(Subscriber subscriber, String subscriptionId, String reason);
    }

    private static final class Subscription {
        final String id;
        final boolean single;
        final IncidentId incident;
        Duration expires;
        Instant expiresAt;
        final Duration minRate;
        Instant lastNotified;

        Subscription(String id, boolean single, IncidentId incident, Duration expires, Duration minRate, Instant now) {
            this.id = id;
            this.single = single;
            this.incident = incident;
            this.expires = expires;
            this.expiresAt = now.plus(expires);
            this.minRate = minRate;
            this.lastNotified = now;
        }
    }

    private static final class Connection {
        final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        final Map<String, Instant> unacknowledged = new HashMap<>();
    }

    private final Source source;
    private final Supplier<StationTree> tree;
    private final Log journal;
    private final EidoConveyanceMessages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration longestExpires;
    private final Executor worker;
    private final ScheduledExecutorService own;
    private final Map<Subscriber, Connection> connections = new LinkedHashMap<>();
    private final Set<IncidentId> changed = new LinkedHashSet<>();

    public EidoSubscriptions(Source source, Supplier<StationTree> tree, Log journal, JsonMapper json, Limits limits, Clock clock) {
        this(source, tree, journal, json, limits.longestExpires(), clock, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eido-notify");
            t.setDaemon(true);
            return t;
        }));
    }

    private EidoSubscriptions(Source source, Supplier<StationTree> tree, Log journal, JsonMapper json, Duration longestExpires, Clock clock,
                              ScheduledExecutorService own) {
        this(source, tree, journal, json, longestExpires, clock, own, own);
        own.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** With {@code worker} running each step (a test runs them in line and calls {@link #tick} itself). */
    EidoSubscriptions(Source source, Supplier<StationTree> tree, Log journal, JsonMapper json, Duration longestExpires, Clock clock, Executor worker,
                      ScheduledExecutorService own) {
        this.source = source;
        this.tree = tree;
        this.journal = journal;
        this.messages = new EidoConveyanceMessages(json);
        this.json = json;
        this.longestExpires = longestExpires;
        this.clock = clock;
        this.worker = worker;
        this.own = own;
    }

    /** The WebSocket sub-protocol to negotiate. */
    public static String subProtocol() {
        return EidoConveyanceMessages.SUB_PROTOCOL;
    }

    public void opened(Subscriber s) {
        run(() -> connections.put(s, new Connection()));
    }

    /** The WebSocket is gone: its subscriptions end without a word to it (the standard's flush). */
    public void closed(Subscriber s) {
        run(() -> {
            Connection c = connections.remove(s);
            if (c != null) {
                c.subscriptions.keySet().forEach(id -> journal.ended(s, id, "disconnected"));
            }
        });
    }

    /** A message from the subscriber. */
    public void received(Subscriber s, String text) {
        run(() -> handle(s, text));
    }

    /** The incidents changed (on any node): each subscriber that wants them is sent them, as they are by then. */
    public void changed(Collection<IncidentId> incidents) {
        synchronized (changed) {
            boolean idle = changed.isEmpty();
            changed.addAll(incidents);
            if (!idle) {
                return;
            }
        }
        run(this::notifyChanged);
    }

    private void run(Runnable step) {
        try {
            worker.execute(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    log.error("EIDO conveyance: a step failed; the subscribers are served on", e);
                }
            });
        } catch (RejectedExecutionException closing) {
            // stopping: the subscribers reconnect to another node
        }
    }

    private void handle(Subscriber s, String text) {
        Connection c = connections.get(s);
        if (c == null) {
            return;
        }
        JsonNode m;
        try {
            m = json.readTree(text);
        } catch (JacksonException e) {
            s.send(messages.notImplemented(""));
            return;
        }
        String kind = EidoConveyanceMessages.kind(m);
        JsonNode body = m.path(kind);
        switch (kind) {
            case "subscribe" -> subscribe(s, c, body);
            case "unsubscribe" -> unsubscribe(s, c, body);
            case "eventResponse" -> acknowledged(s, c, body);
            case "terminateResponse" -> log.debug("EIDO conveyance: {} acknowledged the end of {}", s.name(), body.path("subscriptionId"));
            default -> s.send(messages.notImplemented(Optional.ofNullable(EidoConveyanceMessages.text(body, "requestId")).orElse("")));
        }
    }

    private void subscribe(Subscriber s, Connection c, JsonNode body) {
        String requestId = EidoConveyanceMessages.text(body, "requestId");
        if (requestId == null || requestId.isBlank()) {
            s.send(messages.subscribeResponse("", 400, "Bad Request: requestId is required", null, null, null));
            return;
        }
        Long expiresAsked = EidoConveyanceMessages.number(body, "expires");
        Long minRateAsked = EidoConveyanceMessages.number(body, "minRate");
        if ((expiresAsked != null && expiresAsked <= 0) || (minRateAsked != null && minRateAsked <= 0)) {
            s.send(messages.subscribeResponse(requestId, 400, "Bad Request: expires and minRate are positive whole seconds", null, null, null));
            return;
        }
        Duration expires = granted(expiresAsked);
        String existing = EidoConveyanceMessages.text(body, "subscriptionId");
        if (existing != null) {
            Subscription sub = c.subscriptions.get(existing);
            if (sub == null) {
                s.send(messages.subscribeResponse(requestId, 481, "Subscription does not exist", null, null, null));
                return;
            }
            sub.expires = expires;
            sub.expiresAt = clock.instant().plus(expires);
            s.send(messages.subscribeResponse(requestId, 200, "OK", sub.id, expires.toSeconds(), seconds(sub.minRate)));
            return;
        }
        String refusal = refusal(body);
        if (refusal != null) {
            s.send(messages.subscribeResponse(requestId, refusal.startsWith("406") ? 406 : 400, refusal.substring(4), null, null, null));
            return;
        }
        if (c.subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            s.send(messages.subscribeResponse(requestId, 503, "Service Unavailable: at most " + MAX_SUBSCRIPTIONS + " subscriptions per WebSocket",
                    null, null, null));
            return;
        }
        boolean single = "single".equals(EidoConveyanceMessages.text(body, "requestSubType"));
        Incident incident = null;
        if (single) {
            incident = visible(s, EidoConveyanceMessages.text(body, "incidentId")).orElse(null);
            if (incident == null || (incident.status().isFinal() && closedAt(incident).plus(CLOSED_GRACE).isBefore(clock.instant()))) {
                s.send(messages.subscribeResponse(requestId, 404, "Not Found: no such incident of your stations, open or closed within "
                        + CLOSED_GRACE.toMinutes() + " minutes", null, null, null));
                return;
            }
        }
        Duration minRate = minRateAsked == null ? null : max(Duration.ofSeconds(minRateAsked), SHORTEST_MIN_RATE);
        Subscription sub = new Subscription(UUID.randomUUID().toString(), single, single ? incident.id() : null, expires, minRate, clock.instant());
        c.subscriptions.put(sub.id, sub);
        s.send(messages.subscribeResponse(requestId, 200, "OK", sub.id, expires.toSeconds(), seconds(minRate)));
        journal.subscribed(s, sub.id, single ? "single" : "new", single ? incident.id().value() : null, expires);
        log.info("EIDO conveyance: {} subscribed to {} ({}, expires in {})", s.name(), single ? "incident " + incident.id() : "the incidents of "
                + s.station().value(), sub.id, expires);
        if (single) {
            notify(s, c, sub, List.of(source.eido(incident)));
            if (incident.status().isFinal()) {
                end(s, c, sub, "incident closed");
            }
        } else {
            List<StationId> stations = tree.get().subtree(s.station()).stream().map(st -> st.id()).toList();
            notify(s, c, sub, source.open(stations).stream().map(source::eido).toList());
        }
    }

    /** Why a new subscription is refused ("400 ..." or "406 ..."), or null. */
    private static String refusal(JsonNode body) {
        String type = EidoConveyanceMessages.text(body, "requestType");
        if (type == null || !type.equalsIgnoreCase("EIDO")) {
            return "400 Bad Request: requestType must be EIDO";
        }
        String subType = EidoConveyanceMessages.text(body, "requestSubType");
        if (!"new".equals(subType) && !"single".equals(subType)) {
            return "400 Bad Request: requestSubType must be new or single (resource subscriptions are not offered)";
        }
        boolean incident = EidoConveyanceMessages.text(body, "incidentId") != null;
        if ("single".equals(subType) != incident) {
            return "400 Bad Request: incidentId goes with requestSubType single, and only with it";
        }
        if (!body.path("qualFilter").isMissingNode()) {
            return "400 Bad Request: qualFilter is not offered; a subscription covers the incidents of your stations";
        }
        String accepts = EidoConveyanceMessages.text(body, "requestAccepts");
        if (accepts != null && !accepts.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return "406 Not Acceptable: EIDOs are sent as JSON";
        }
        return null;
    }

    private void unsubscribe(Subscriber s, Connection c, JsonNode body) {
        String requestId = Optional.ofNullable(EidoConveyanceMessages.text(body, "requestId")).orElse("");
        String id = Optional.ofNullable(EidoConveyanceMessages.text(body, "subscriptionId")).orElse("");
        Subscription sub = c.subscriptions.remove(id);
        if (sub == null) {
            s.send(messages.unsubscribeResponse(requestId, id, 481, "Subscription does not exist"));
            return;
        }
        s.send(messages.unsubscribeResponse(requestId, id, 200, "OK"));
        journal.ended(s, id, "unsubscribed");
    }

    private void acknowledged(Subscriber s, Connection c, JsonNode body) {
        String transaction = EidoConveyanceMessages.text(body, "transactionId");
        if (transaction == null || c.unacknowledged.remove(transaction) == null) {
            log.debug("EIDO conveyance: {} acknowledged an unknown notification {}", s.name(), transaction);
            return;
        }
        long status = Optional.ofNullable(EidoConveyanceMessages.number(body, "statusCode")).orElse(-1L);
        if (status != 200) {
            log.warn("EIDO conveyance: {} answered notification {} with {} {}", s.name(), transaction, status, body.path("statusText").asString(""));
        }
    }

    private void notifyChanged() {
        List<IncidentId> ids;
        synchronized (changed) {
            ids = new ArrayList<>(changed);
            changed.clear();
        }
        StationTree stations = tree.get();
        for (IncidentId id : ids) {
            Incident incident = source.find(id).orElse(null);
            if (incident == null) {
                continue;
            }
            ObjectNode eido = null;
            for (Map.Entry<Subscriber, Connection> e : List.copyOf(connections.entrySet())) {
                Subscriber s = e.getKey();
                if (!stations.isWithin(incident.station(), s.station())) {
                    continue;
                }
                for (Subscription sub : List.copyOf(e.getValue().subscriptions.values())) {
                    if (sub.single && !sub.incident.equals(id)) {
                        continue;
                    }
                    eido = eido == null ? source.eido(incident) : eido;
                    notify(s, e.getValue(), sub, List.of(eido));
                    if (sub.single && incident.status().isFinal()) {
                        end(s, e.getValue(), sub, "incident closed");
                    }
                }
            }
        }
    }

    /** Every second: subscriptions past their time end; a quiet one with a minRate gets an empty notification. */
    void tick() {
        Instant now = clock.instant();
        for (Map.Entry<Subscriber, Connection> e : List.copyOf(connections.entrySet())) {
            for (Subscription sub : List.copyOf(e.getValue().subscriptions.values())) {
                if (!sub.expiresAt.isAfter(now)) {
                    end(e.getKey(), e.getValue(), sub, "expired");
                } else if (sub.minRate != null && !sub.lastNotified.plus(sub.minRate).isAfter(now)) {
                    notify(e.getKey(), e.getValue(), sub, List.of());
                }
            }
        }
    }

    private void notify(Subscriber s, Connection c, Subscription sub, List<ObjectNode> eidos) {
        if (c.unacknowledged.size() >= MAX_UNACKNOWLEDGED) {
            log.warn("EIDO conveyance: {} left {} notifications unacknowledged; disconnected (it gets the latest state when it subscribes again)",
                    s.name(), c.unacknowledged.size());
            s.close("notifications not acknowledged");
            return;
        }
        String transaction = UUID.randomUUID().toString();
        c.unacknowledged.put(transaction, clock.instant());
        sub.lastNotified = clock.instant();
        if (!s.send(messages.event(sub.id, transaction, eidos))) {
            log.info("EIDO conveyance: notification {} to {} not sent (the WebSocket is gone or behind)", transaction, s.name());
        }
    }

    /** The notifier ends a subscription: {@code terminate} to the subscriber, and the WebSocket closed when it was the last. */
    private void end(Subscriber s, Connection c, Subscription sub, String reason) {
        if (c.subscriptions.remove(sub.id) == null) {
            return;
        }
        s.send(messages.terminate(UUID.randomUUID().toString(), sub.id));
        journal.ended(s, sub.id, reason);
        if (c.subscriptions.isEmpty()) {
            s.close("no subscription left");
        }
    }

    private Optional<Incident> visible(Subscriber s, String incidentId) {
        if (incidentId == null) {
            return Optional.empty();
        }
        Optional<IncidentId> id = EidoIdentifiers.incidentOf(incidentId);
        return id.flatMap(source::find).filter(i -> tree.get().isWithin(i.station(), s.station()));
    }

    private static Instant closedAt(Incident incident) {
        return incident.history().get(incident.history().size() - 1).at();
    }

    private Duration granted(Long askedSeconds) {
        if (askedSeconds == null) {
            return longestExpires;
        }
        Duration asked = Duration.ofSeconds(askedSeconds);
        return asked.compareTo(longestExpires) > 0 ? longestExpires : max(asked, SHORTEST_EXPIRES);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    @Override
    public void close() {
        own.shutdownNow();
    }
}
