package id.siaga.web;

import id.siaga.integration.WebhookAddresses;
import id.siaga.integration.WebhookOutbox;
import id.siaga.integration.WebhookSignature;
import id.siaga.integration.WebhookSubscriber;
import id.siaga.integration.WebhookSubscriberStore;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage the webhook subscribers (other police apps: Binmas Online System, Polisiku) and their dead letters.
 * A subscriber's secret is in the answer that makes it only: the creation's and a rotation's. Every change is journalled.
 * A subscriber's address is refused when {@link WebhookAddresses} refuses it (http, or an address inside the network).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class WebhooksController {

    private final WebhookSubscriberStore subscribers;
    private final WebhookOutbox outbox;
    private final StationDirectory stations;
    private final StationScope scope;
    private final Journal journal;
    private final WebhookAddresses addresses;
    private final Clock clock;

    WebhooksController(WebhookSubscriberStore subscribers, WebhookOutbox outbox, StationDirectory stations, StationScope scope, Journal journal,
                       WebhookAddresses addresses, Clock clock) {
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.stations = stations;
        this.scope = scope;
        this.journal = journal;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * @param secret     left out: one is made and shown in the answer, once
     * @param eventTypes left out or empty: every type
     * @param stations   the stations whose events it gets, each with everything below it
     */
    record NewSubscriber(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2000) String url, @Size(max = 200) String secret,
                         Set<@NotBlank String> eventTypes, @NotEmpty Set<@NotBlank String> stations) {
    }

    record SubscriberView(String id, String name, String url, List<String> eventTypes, List<String> stations, boolean enabled, String createdAt,
                          String createdBy) {
        static SubscriberView of(WebhookSubscriber s) {
            return new SubscriberView(s.id(), s.name(), s.url().toString(), List.copyOf(new TreeSet<>(s.eventTypes())),
                    s.stations().stream().map(StationId::value).sorted().toList(), s.enabled(), s.createdAt().toString(), s.createdBy());
        }
    }

    /** The one answer that shows the secret. */
    record CreatedSubscriber(SubscriberView subscriber, String secret) {
    }

    record DeadLetter(String eventId, String subscriberId, String eventType, String station, String createdAt, int attempts, Integer lastStatus,
                      String lastError, String deadAt) {
        static DeadLetter of(WebhookOutbox.Delivery d) {
            return new DeadLetter(d.eventId(), d.subscriberId(), d.eventType(), d.station(), d.createdAt().toString(), d.attempts(), d.lastStatus(),
                    d.lastError(), d.finishedAt() == null ? null : d.finishedAt().toString());
        }
    }

    @PostMapping("/api/admin/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSubscriber create(@Valid @RequestBody NewSubscriber request, Authentication auth) {
        Set<StationId> covered = new TreeSet<>();
        for (String station : request.stations()) {
            StationId id = StationsController.existing(station, stations.tree());
            scope.requireVisible(auth, id);
            covered.add(id);
        }
        WebhookSubscriber s = WebhookSubscriber.create(request.name(), request.url(), request.secret(),
                request.eventTypes() == null ? Set.of() : request.eventTypes(), covered, addresses, clock.instant(), auth.getName());
        subscribers.add(s);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", s.name());
        facts.put("url", s.url().toString());
        facts.put("eventTypes", new ArrayList<>(new TreeSet<>(s.eventTypes())));
        facts.put("stations", covered.stream().map(StationId::value).toList());
        journal.append("WebhookSubscriberCreated", SubjectKind.SYSTEM, "webhook:" + s.id(), auth.getName(), facts);
        return new CreatedSubscriber(SubscriberView.of(s), s.secret());
    }

    @GetMapping("/api/admin/webhooks")
    List<SubscriberView> list(Authentication auth) {
        return subscribers.all().stream().filter(s -> visible(auth, s)).map(SubscriberView::of).toList();
    }

    @PostMapping("/api/admin/webhooks/{id}/disable")
    SubscriberView disable(@PathVariable String id, Authentication auth) {
        WebhookSubscriber s = existing(id, auth);
        if (s.enabled()) {
            subscribers.disable(id);
            journal.append("WebhookSubscriberDisabled", SubjectKind.SYSTEM, "webhook:" + id, auth.getName(), Map.of("name", s.name()));
        }
        return SubscriberView.of(s.disabled());
    }

    /**
     * Sends to a disabled subscriber again (disabled by hand, or after its receiver was down): its address is checked again
     * first, and its dead letters stay until replayed.
     */
    @PostMapping("/api/admin/webhooks/{id}/enable")
    SubscriberView enable(@PathVariable String id, Authentication auth) {
        WebhookSubscriber s = existing(id, auth);
        if (!s.enabled()) {
            addresses.check(s.url().toString());
            subscribers.enable(id);
            journal.append("WebhookSubscriberEnabled", SubjectKind.SYSTEM, "webhook:" + id, auth.getName(), Map.of("name", s.name()));
        }
        return SubscriberView.of(s.enabledAgain());
    }

    /**
     * A new secret for the subscriber, shown in this answer only; every delivery from now on, retries of older events too, is
     * signed with it, and the old secret signs nothing more (no overlap: the receiver takes the new secret before it trusts
     * deliveries again, and a leaked secret is dead at once).
     */
    @PostMapping("/api/admin/webhooks/{id}/rotate-secret")
    CreatedSubscriber rotateSecret(@PathVariable String id, Authentication auth) {
        WebhookSubscriber s = existing(id, auth);
        String secret = WebhookSignature.newSecret();
        subscribers.changeSecret(id, secret);
        journal.append("WebhookSecretRotated", SubjectKind.SYSTEM, "webhook:" + id, auth.getName(), Map.of("name", s.name()));
        return new CreatedSubscriber(SubscriberView.of(s), secret);
    }

    @GetMapping("/api/admin/webhooks/dead-letters")
    List<DeadLetter> deadLetters(Authentication auth) {
        Set<String> mine = subscribers.all().stream().filter(s -> visible(auth, s)).map(WebhookSubscriber::id).collect(Collectors.toSet());
        return outbox.deadLetters().stream().filter(d -> mine.contains(d.subscriberId())).map(DeadLetter::of).toList();
    }

    @PostMapping("/api/admin/webhooks/{id}/dead-letters/{eventId}/replay")
    Map<String, Object> replay(@PathVariable String id, @PathVariable String eventId, Authentication auth) {
        existing(id, auth);
        if (!outbox.replay(eventId, id, clock.instant())) {
            throw new NoSuchElementException("no dead letter " + eventId + " for this subscriber");
        }
        journal.append("WebhookReplayed", SubjectKind.SYSTEM, "webhook:" + id, auth.getName(), Map.of("events", List.of(eventId)));
        return Map.of("replayed", 1);
    }

    @PostMapping("/api/admin/webhooks/dead-letters/replay")
    Map<String, Object> replayAll(Authentication auth) {
        Map<String, List<String>> bySubscriber = new LinkedHashMap<>();
        for (DeadLetter d : deadLetters(auth)) {
            if (outbox.replay(d.eventId(), d.subscriberId(), clock.instant())) {
                bySubscriber.computeIfAbsent(d.subscriberId(), k -> new ArrayList<>()).add(d.eventId());
            }
        }
        bySubscriber.forEach((subscriber, events) -> journal.append("WebhookReplayed", SubjectKind.SYSTEM, "webhook:" + subscriber, auth.getName(),
                Map.of("events", events)));
        return Map.of("replayed", bySubscriber.values().stream().mapToInt(List::size).sum());
    }

    private WebhookSubscriber existing(String id, Authentication auth) {
        WebhookSubscriber s = subscribers.find(id).orElseThrow(() -> new NoSuchElementException("no webhook subscriber " + id));
        if (!visible(auth, s)) {
            throw new NoSuchElementException("no webhook subscriber " + id);
        }
        return s;
    }

    /**
     * An administrator sees the subscribers whose stations are all theirs (a national one sees every subscriber); a
     * subscriber of every station (no stations named) only a national administrator.
     */
    private boolean visible(Authentication auth, WebhookSubscriber s) {
        if (s.stations().isEmpty()) {
            return scope.canSee(auth, stations.tree().root().id());
        }
        return s.stations().stream().allMatch(station -> scope.canSee(auth, station));
    }
}
