package id.siaga.web;

import id.siaga.integration.text.InboundText;
import id.siaga.integration.text.TextConversation;
import id.siaga.integration.text.TextDesk;
import id.siaga.integration.text.TextEscalation;
import id.siaga.integration.text.TextMessage;
import id.siaga.integration.text.TextStore;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.OutOfScopeException;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Text to 110 (issue 18). The SMS (or chat) gateway POSTs each message it receives to {@code /api/texts/inbound} with an
 * INTEGRATION API key; a 2xx means the message is in the database, and a message sent again (same {@code messageId}) is
 * answered with the stored one. An AML SMS arriving this way ({@code A"ML=1;…}) is the handset's position, not words:
 * it goes to {@link AmlController} (journalled, joined to the number's call and conversation) and is not shown as a text.
 * The consoles list the conversations of the user's scope, read a thread, take a conversation and reply; replies leave
 * from the outbox in the database ({@code TextReplySender}).
 */
@RestController
@RequestMapping("/api/texts")
class TextsController {

    /** How long a closed conversation stays in the consoles' list after its last message. */
    static final Duration RECENT = Duration.ofHours(24);
    static final int LIST_LIMIT = 200;

    private final TextDesk desk;
    private final TextStore store;
    private final AmlController aml;
    private final StationDirectory stations;
    private final StationScope scope;
    private final Clock clock;

    TextsController(TextDesk desk, TextStore store, AmlController aml, StationDirectory stations, StationScope scope, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.aml = aml;
        this.stations = stations;
        this.scope = scope;
        this.clock = clock;
    }

    /** A conversation as the consoles show it; {@code alerting}: it waits and the viewer's station is one it is offered to. */
    record ConversationView(String id, String callerNumber, String channel, String incident, String station, String stationName, String offeredStation,
                            String offeredStationName, String locatedBy, Double latitude, Double longitude, Double uncertaintyMeters, boolean flagged,
                            String takenBy, Instant takenAt, Instant openedAt, Instant lastMessageAt, boolean open, boolean waiting, boolean alerting,
                            boolean mine) {
    }

    record MessageView(String id, String direction, String body, String author, boolean automatic, Instant at, String status, int attempts,
                       String lastError, Instant finishedAt) {
    }

    record ThreadView(ConversationView conversation, List<MessageView> messages) {
    }

    /** What the gateway is answered: the stored message, or (for an AML SMS) what became of the position. */
    record InboundAnswer(String kind, String conversation, String message, String incident, String station, boolean repeat, Boolean located,
                         String reason) {
    }

    record ReplyRequest(String text) {
    }

    @PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INTEGRATION')")
    ResponseEntity<InboundAnswer> inbound(@RequestBody(required = false) String body, Authentication auth) {
        // the SMS gateway is the network's, for the whole country: a key of a Polda could otherwise place (and so move)
        // any number's conversation into its own scope with a made-up fix
        SiagaPrincipal gateway = StationScope.principal(auth);
        StationId root = stations.tree().root().id();
        if (!gateway.station().equals(root)) {
            throw new OutOfScopeException(gateway.username(), gateway.station(), root);
        }
        InboundText in = InboundText.parse(body);
        if (in.isAml()) {
            ResponseEntity<AmlController.AmlAnswer> located = aml.sms(new AmlController.Sms(in.from(), in.text()), auth);
            AmlController.AmlAnswer a = located.getBody();
            return ResponseEntity.status(located.getStatusCode()).body(new InboundAnswer("aml", null, null, null, null, false,
                    a != null && a.located(), a == null ? "" : a.reason()));
        }
        TextDesk.Received r = desk.receive(in);
        TextConversation c = r.conversation();
        return ResponseEntity.status(r.repeat() ? HttpStatus.OK : HttpStatus.CREATED).body(new InboundAnswer("text", c.id(), r.message().id(),
                c.incidentId(), c.station().value(), r.repeat(), null, null));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    List<ConversationView> list(Authentication auth) {
        SiagaPrincipal me = StationScope.principal(auth);
        StationTree tree = stations.tree();
        List<StationId> inScope = tree.subtree(me.station()).stream().map(Station::id).toList();
        return store.atStations(inScope, clock.instant().minus(RECENT), LIST_LIMIT).stream().map(c -> view(c, me, tree)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    ThreadView thread(@PathVariable String id, Authentication auth) {
        TextConversation c = visible(id, auth);
        return thread(c, auth);
    }

    @PostMapping("/{id}/take")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
    ThreadView take(@PathVariable String id, Authentication auth) {
        visible(id, auth);
        desk.take(id, StationScope.principal(auth).username());
        return thread(desk.existing(id), auth);
    }

    @PostMapping(path = "/{id}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
    ResponseEntity<MessageView> reply(@PathVariable String id, @RequestBody ReplyRequest request, Authentication auth) {
        visible(id, auth);
        if (request == null) {
            throw new IllegalArgumentException("send {\"text\": \"…\"}");
        }
        TextMessage m = desk.reply(id, request.text(), StationScope.principal(auth).username());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(m));
    }

    private TextConversation visible(String id, Authentication auth) {
        TextConversation c = desk.existing(id);
        scope.requireVisible(auth, c.station());
        return c;
    }

    private ThreadView thread(TextConversation c, Authentication auth) {
        return new ThreadView(view(c, StationScope.principal(auth), stations.tree()), desk.messages(c.id()).stream().map(TextsController::view).toList());
    }

    private ConversationView view(TextConversation c, SiagaPrincipal me, StationTree tree) {
        return new ConversationView(c.id(), c.callerNumber(), c.channel(), c.incidentId(), c.station().value(), name(tree, c.station()),
                c.offeredStation().value(), name(tree, c.offeredStation()), c.locatedBy(), c.latitude(), c.longitude(), c.uncertaintyMeters(), c.flagged(),
                c.takenBy(), c.takenAt(), c.openedAt(), c.lastMessageAt(), c.open(), c.waiting(), TextEscalation.alerts(c, me.station(), tree),
                me.username().equals(c.takenBy()));
    }

    private static String name(StationTree tree, StationId id) {
        return tree.find(id).map(Station::name).orElse(id.value());
    }

    private static MessageView view(TextMessage m) {
        return new MessageView(m.id(), m.direction().name(), m.body(), m.author(), m.automatic(), m.at(), m.status().name(), m.attempts(), m.lastError(),
                m.finishedAt());
    }
}
