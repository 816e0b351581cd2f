package id.siaga.integration.text;

import id.siaga.incident.Channel;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.incident.NewIncident;
import id.siaga.location.JurisdictionIndex;
import id.siaga.location.LocationFix;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' side of Text to 110. A message from the gateway ({@link #receive}) is stored before anything else, in
 * the number's open conversation or in a new one placed by the number's latest handset fix when it is recent, else by
 * the number's open incident, else at the default station ("lokasi tidak diketahui"). A new conversation is attached to
 * the number's open incident or opens one of type {@link IncidentType#TEXT_REPORT}: at once when its place is known;
 * otherwise after {@code locationWait}, so the AML SMS a handset sends with its emergency SMS can place it first
 * ({@link #located}). The texter gets one automatic reply per conversation. A flagged (prank) number's text goes through,
 * marked. Nobody taking a conversation within {@code escalateAfter} moves its offer to the parent station, up to the root
 * ({@link #sweep}), as a ringing call climbs.
 *
 * <p>{@link #receive} and {@link #located} run one at a time on a node: texts are few, and one number's messages must not
 * race each other into two conversations (across nodes the store's one-open-conversation-per-number rule holds).
 */
public final class TextDesk {

    private static final Logger log = LoggerFactory.getLogger(TextDesk.class);
    /** Longest reply an operator may send: four SMS parts. */
    public static final int MAX_REPLY = 640;
    static final String SYSTEM = "system";

    /** What {@link #receive} did: the conversation and message, and whether the message was stored before (a resend). */
    public record Received(TextConversation conversation, TextMessage message, boolean repeat) {
    }

    /** The policy: where unplaced texts go and how long things wait. */
    public record Policy(StationId defaultStation, Duration maxFixAge, Duration locationWait, Duration escalateAfter, String autoReply) {
    }

    private final TextStore store;
    private final Supplier<StationTree> tree;
    private final JurisdictionIndex jurisdictions;
    private final Incidents incidents;
    private final Predicate<String> flagged;
    private final Policy policy;
    private final TextEvents events;
    private final Clock clock;
    private Instant fixesForgotten = Instant.MIN;

    public TextDesk(TextStore store, Supplier<StationTree> tree, JurisdictionIndex jurisdictions, Incidents incidents, Predicate<String> flagged,
                    Policy policy, TextEvents events, Clock clock) {
        this.store = store;
        this.tree = tree;
        this.jurisdictions = jurisdictions;
        this.incidents = incidents;
        this.flagged = flagged;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the message (a resend is known by the gateway's message id) and does what a new message asks. */
    public synchronized Received receive(InboundText in) {
        Optional<TextMessage> stored = store.inboundByGatewayId(in.messageId());
        if (stored.isPresent()) {
            return again(stored.get());
        }
        Instant now = clock.instant();
        TextConversation conversation = openConversation(in, now);
        TextMessage message = new TextMessage(UUID.randomUUID().toString(), conversation.id(), TextMessage.Direction.IN, in.messageId(), in.text(),
                in.from(), false, in.receivedAt() == null ? now : in.receivedAt(), TextMessage.Status.RECEIVED, 0, null, null);
        if (!store.addInbound(message)) {
            return again(store.inboundByGatewayId(in.messageId()).orElseThrow());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("message", message.id());
        facts.put("gatewayMessageId", in.messageId());
        facts.put("channel", in.channel());
        facts.put("characters", in.text().length());
        facts.put("station", conversation.station().value());
        facts.put("flagged", conversation.flagged());
        events.noted("TextReceived", conversation, in.from(), facts);
        log.info("text {} from {} in conversation {} at {}{}", message.id(), in.from(), conversation.id(), conversation.station(),
                conversation.flagged() ? " (flagged number)" : "");
        conversation = attachIncidentIfPlaced(conversation, now);
        autoReply(conversation, now);
        return new Received(store.find(conversation.id()).orElse(conversation), message, false);
    }

    private Received again(TextMessage message) {
        TextConversation c = store.find(message.conversationId()).orElseThrow();
        events.noted("TextReceivedAgain", c, message.author(), Map.of("message", message.id(), "gatewayMessageId", message.gatewayMessageId()));
        return new Received(c, message, true);
    }

    private TextConversation openConversation(InboundText in, Instant now) {
        Optional<TextConversation> open = store.openConversationOf(in.from());
        if (open.isPresent() && open.get().incident().flatMap(this::incident).filter(i -> !i.status().isOpen()).isPresent()) {
            close(open.get(), "the incident was closed before this text", now);
            open = Optional.empty();
        }
        if (open.isPresent()) {
            return open.get();
        }
        Optional<TextStore.NumberFix> fix = freshFix(in.from(), now);
        Optional<Incident> openIncident = fix.isPresent() ? Optional.empty() : openIncidentOf(in.from());
        StationId station;
        String locatedBy;
        if (fix.isPresent()) {
            station = jurisdictions.locate(fix.get().latitude(), fix.get().longitude()).station();
            locatedBy = TextConversation.AML;
        } else if (openIncident.isPresent()) {
            station = openIncident.get().station();
            locatedBy = TextConversation.INCIDENT;
        } else {
            station = policy.defaultStation();
            locatedBy = TextConversation.UNKNOWN;
        }
        TextStore.NumberFix f = fix.orElse(null);
        TextConversation c = new TextConversation(UUID.randomUUID().toString(), in.from(), in.channel(), openIncident.map(i -> i.id().value()).orElse(null),
                station, station, now, locatedBy, f == null ? null : f.latitude(), f == null ? null : f.longitude(), f == null ? null : f.uncertaintyMeters(),
                flagged.test(in.from()), null, null, false, now, now, null);
        if (!store.open(c)) {
            return store.openConversationOf(in.from()).orElseThrow(() -> new IllegalStateException("no open conversation for " + in.from()
                    + " although the store refused a second one"));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("station", station.value());
        facts.put("locatedBy", locatedBy);
        facts.put("channel", in.channel());
        facts.put("flagged", c.flagged());
        if (f != null) {
            facts.put("latitude", f.latitude());
            facts.put("longitude", f.longitude());
        }
        openIncident.ifPresent(i -> facts.put("incident", i.id().value()));
        events.noted("TextConversationOpened", c, SYSTEM, facts);
        log.info("text conversation {} for {} opened at {} ({})", c.id(), in.from(), station,
                TextConversation.UNKNOWN.equals(locatedBy) ? "lokasi tidak diketahui" : "by " + locatedBy);
        return c;
    }

    /** A handset's position for a number (AML over SMS or HTTPS): kept; places the number's conversation nobody took yet. */
    public synchronized void located(String number, LocationFix fix, String via) {
        Instant now = clock.instant();
        Double uncertainty = fix.hasUncertainty() ? fix.uncertaintyMeters() : null;
        TextStore.NumberFix kept = new TextStore.NumberFix(fix.latitude(), fix.longitude(), uncertainty, fix.method().isEmpty() ? via : fix.method(),
                fix.timestamp().orElse(now), now);
        store.keepFix(number, kept);
        Optional<TextConversation> open = store.openConversationOf(number);
        if (open.isEmpty() || open.get().taken() || !fresh(kept, now)) {
            return;
        }
        TextConversation c = open.get();
        StationId station = jurisdictions.locate(fix.latitude(), fix.longitude()).station();
        if (!store.relocate(c.id(), station, TextConversation.AML, kept, now)) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("via", via);
        facts.put("latitude", fix.latitude());
        facts.put("longitude", fix.longitude());
        if (uncertainty != null) {
            facts.put("uncertaintyMeters", uncertainty);
        }
        facts.put("from", c.station().value());
        facts.put("station", station.value());
        TextConversation placed = store.find(c.id()).orElseThrow();
        events.noted("TextLocated", placed, SYSTEM, facts);
        log.info("text conversation {} located by {} at {} ({}, {})", c.id(), via, station, fix.latitude(), fix.longitude());
        attachIncidentIfPlaced(placed, now);
    }

    /** Takes the conversation for {@code by}: the console stops alerting. True when taken now, false when {@code by} had it already. */
    public boolean take(String conversationId, String by) {
        TextConversation c = existing(conversationId);
        if (by.equals(c.takenBy())) {
            return false;
        }
        if (c.taken()) {
            throw new TextConflictException("conversation " + conversationId + " was taken by " + c.takenBy() + " at " + c.takenAt());
        }
        if (!c.open()) {
            throw new TextConflictException("conversation " + conversationId + " is closed");
        }
        if (!store.take(conversationId, by, clock.instant())) {
            TextConversation now = existing(conversationId);
            throw new TextConflictException("conversation " + conversationId + " was taken by " + now.takenBy() + " a moment ago");
        }
        TextConversation taken = existing(conversationId);
        events.noted("TextTaken", taken, by, Map.of("station", c.station().value(), "offeredStation", c.offeredStation().value(),
                "waitedMs", Duration.between(c.openedAt(), taken.takenAt()).toMillis()));
        return true;
    }

    /** Queues an operator's reply for the gateway (taking the conversation first when nobody has). */
    public TextMessage reply(String conversationId, String text, String by) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the reply is empty");
        }
        String body = text.strip();
        if (body.length() > MAX_REPLY) {
            throw new IllegalArgumentException("a reply must be at most " + MAX_REPLY + " characters (four SMS), got " + body.length());
        }
        TextConversation c = existing(conversationId);
        if (!c.open()) {
            throw new TextConflictException("conversation " + conversationId + " is closed: the texter's next message opens a new one");
        }
        if (!c.taken()) {
            take(conversationId, by);
        } else if (!by.equals(c.takenBy())) {
            throw new TextConflictException("conversation " + conversationId + " is " + c.takenBy() + "'s: only they reply");
        }
        return queue(existing(conversationId), body, by, false).orElseThrow();
    }

    private Optional<TextMessage> queue(TextConversation c, String body, String by, boolean automatic) {
        Instant now = clock.instant();
        TextMessage reply = new TextMessage(UUID.randomUUID().toString(), c.id(), TextMessage.Direction.OUT, null, body, by, automatic, now,
                TextMessage.Status.PENDING, 0, null, null);
        if (!store.queueReply(reply)) {
            return Optional.empty();
        }
        events.noted("TextReplyQueued", c, by, Map.of("message", reply.id(), "automatic", automatic, "characters", body.length()));
        return Optional.of(reply);
    }

    private void autoReply(TextConversation c, Instant now) {
        if (!c.autoReplyQueued() && policy.autoReply() != null && !policy.autoReply().isBlank()) {
            queue(c, policy.autoReply(), SYSTEM, true);
        }
    }

    /**
     * What the timer does (every second or so): opens the incident of conversations whose wait for a location is over (or
     * that a crash left without one), and moves the offer of each conversation nobody took within {@code escalateAfter}
     * to the parent station; once a minute, forgets the numbers' fixes too old to place a text.
     */
    public synchronized void sweep() {
        Instant now = clock.instant();
        if (fixesForgotten.isBefore(now.minusSeconds(60))) {
            fixesForgotten = now;
            int forgotten = store.forgetFixes(now.minus(policy.maxFixAge()));
            if (forgotten > 0) {
                log.debug("texts: {} handset fix(es) older than {} forgotten", forgotten, policy.maxFixAge());
            }
        }
        for (TextConversation c : store.withoutIncident()) {
            if (!c.openedAt().plus(policy.locationWait()).isAfter(now)) {
                attachIncident(c, now);
            } else {
                attachIncidentIfPlaced(c, now);
            }
        }
        StationTree stations = tree.get();
        for (TextConversation c : store.waiting()) {
            Optional<StationId> next = TextEscalation.next(c, stations, policy.escalateAfter(), now);
            if (next.isPresent() && store.escalate(c.id(), c.offeredStation(), next.get(), now)) {
                TextConversation moved = store.find(c.id()).orElseThrow();
                events.noted("TextEscalated", moved, SYSTEM, Map.of("from", c.offeredStation().value(), "to", next.get().value(),
                        "station", c.station().value(), "waitedMs", Duration.between(c.openedAt(), now).toMillis()));
                log.warn("text conversation {} from {}: nobody at {} took it within {}; offered to {}", c.id(), c.callerNumber(), c.offeredStation(),
                        policy.escalateAfter(), next.get());
            }
        }
    }

    /** An incident ended: its open conversations close (the texter's next message opens a new one). */
    public void incidentEnded(String incidentId) {
        Instant now = clock.instant();
        for (TextConversation c : store.openOfIncident(incidentId)) {
            close(c, "the incident ended", now);
        }
    }

    public TextConversation existing(String conversationId) {
        return store.find(conversationId).orElseThrow(() -> new NoSuchElementException("no conversation " + conversationId));
    }

    public List<TextMessage> messages(String conversationId) {
        return store.messages(conversationId);
    }

    private void close(TextConversation c, String why, Instant now) {
        store.close(c.id(), now);
        events.noted("TextConversationClosed", c, SYSTEM, Map.of("reason", why));
    }

    private TextConversation attachIncidentIfPlaced(TextConversation c, Instant now) {
        if (c.incidentId() == null && !TextConversation.UNKNOWN.equals(c.locatedBy())) {
            return attachIncident(c, now);
        }
        return c;
    }

    /** Attaches the number's open incident, or opens one, to a conversation that has none. */
    private TextConversation attachIncident(TextConversation c, Instant now) {
        if (c.incidentId() != null) {
            return c;
        }
        try {
            Optional<Incident> open = openIncidentOf(c.callerNumber());
            String incident;
            boolean opened = open.isEmpty();
            if (open.isPresent()) {
                incident = open.get().id().value();
            } else {
                IncidentLocation where = c.latitude() == null ? null
                        : IncidentLocation.of(c.latitude(), c.longitude(), c.uncertaintyMeters(), IncidentLocation.Origin.REPORTED);
                String description = (c.channel().equals("CHAT") ? "Laporan lewat chat 110" : "Laporan lewat SMS 110")
                        + (where == null ? ": lokasi tidak diketahui." : ": lokasi dari ponsel pelapor (AML).")
                        + (c.flagged() ? " Nomor ini ditandai sering iseng; tetap dibaca." : "");
                NewIncident draft = new NewIncident(IncidentType.TEXT_REPORT, null, where, null, description, c.callerNumber(), null,
                        Channel.external(c.channel() + "_110", c.id()), null, null);
                incident = incidents.create(draft, SYSTEM, c.station()).incident().id().value();
            }
            if (!store.attachIncident(c.id(), incident)) {
                return store.find(c.id()).orElse(c);
            }
            TextConversation attached = store.find(c.id()).orElseThrow();
            events.noted("TextIncidentAttached", attached, SYSTEM, Map.of("incident", incident, "opened", opened));
            return attached;
        } catch (RuntimeException e) {
            // the conversation is stored and alerting; the next sweep tries again
            log.error("text conversation {}: its incident could not be opened ({}); the next sweep tries again", c.id(), e.toString());
            return c;
        }
    }

    private Optional<TextStore.NumberFix> freshFix(String number, Instant now) {
        return store.fixOf(number).filter(f -> fresh(f, now));
    }

    private boolean fresh(TextStore.NumberFix f, Instant now) {
        Instant measured = f.fixedAt().isAfter(f.receivedAt()) ? f.receivedAt() : f.fixedAt();
        return !measured.plus(policy.maxFixAge()).isBefore(now);
    }

    private Optional<Incident> openIncidentOf(String number) {
        List<StationId> all = tree.get().all().stream().map(Station::id).toList();
        return incidents.atStations(all, new IncidentFilter(IncidentFilter.openStatuses(), null, null, null, number), 1).stream().findFirst();
    }

    private Optional<Incident> incident(String id) {
        try {
            return incidents.find(new id.siaga.incident.IncidentId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
