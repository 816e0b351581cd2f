package id.siaga.integration.text;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The conversations, their messages (the replies' outbox among them) and the numbers' latest fixes. Each change is one
 * statement guarded by the row's state, so two nodes never both take, escalate or send the same thing.
 */
public interface TextStore {

    /** A number's latest handset position. */
    record NumberFix(double latitude, double longitude, Double uncertaintyMeters, String method, Instant fixedAt, Instant receivedAt) {
    }

    /** A pending reply and the number it goes to. */
    record Outgoing(TextMessage message, String to) {
    }

    Optional<TextMessage> inboundByGatewayId(String gatewayMessageId);

    Optional<TextConversation> openConversationOf(String callerNumber);

    /** Adds an open conversation; false when the number already has one (another node was quicker). */
    boolean open(TextConversation conversation);

    /** Adds an inbound message and moves its conversation's last message time; false when its gateway id is already stored. */
    boolean addInbound(TextMessage message);

    /** Queues a reply: due at once. With {@code automatic}, only when the conversation's first reply is not queued yet (false then). */
    boolean queueReply(TextMessage reply);

    Optional<TextConversation> find(String id);

    List<TextMessage> messages(String conversationId);

    /**
     * Conversations of these stations: every open one, newest message first, then at most {@code limit} closed ones with a
     * message since {@code since}, newest first.
     */
    List<TextConversation> atStations(Collection<StationId> stations, Instant since, int limit);

    /** Open conversations nobody has taken, oldest offer first. */
    List<TextConversation> waiting();

    /** Open conversations whose incident is not opened yet. */
    List<TextConversation> withoutIncident();

    List<TextConversation> openOfIncident(String incidentId);

    boolean attachIncident(String conversationId, String incidentId);

    /** Takes it for {@code by}; false when someone has already. */
    boolean take(String conversationId, String by, Instant at);

    /** Moves the offer from {@code from} to {@code to}; false when it was taken or moved meanwhile. */
    boolean escalate(String conversationId, StationId from, StationId to, Instant at);

    /** Places a conversation nobody has taken where a new fix says; false when it was taken meanwhile. */
    boolean relocate(String conversationId, StationId station, String locatedBy, NumberFix fix, Instant at);

    void close(String conversationId, Instant at);

    void keepFix(String callerNumber, NumberFix fix);

    Optional<NumberFix> fixOf(String callerNumber);

    /** Forgets the fixes received before {@code before} (too old to place a text); returns how many. */
    int forgetFixes(Instant before);

    /** Pending replies due at {@code now}, oldest first. */
    List<Outgoing> due(Instant now, int limit);

    /** Takes an attempt (the reply still pending, due, with {@code attempts} made), moving its next attempt to {@code until}. */
    boolean claim(TextMessage reply, Instant now, Instant until);

    void sent(TextMessage reply, int attempts, Instant at);

    void failed(TextMessage reply, int attempts, String error, Instant next);

    void gaveUp(TextMessage reply, int attempts, String error, Instant at);
}
