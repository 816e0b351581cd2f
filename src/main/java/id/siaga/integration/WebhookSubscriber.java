package id.siaga.integration;

import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A system outside Siaga 110 (Binmas Online System, Polisiku, ...) that is sent incidents and dispatch changes: POSTed to
 * {@code url}, signed with {@code secret} (see {@link WebhookSignature}).
 *
 * @param eventTypes the event types it wants ({@link WebhookEvent#TYPES}); empty: every type
 * @param stations   the stations whose events it wants, each with everything below it; empty: every station
 */
public record WebhookSubscriber(String id, String name, URI url, String secret, Set<String> eventTypes, Set<StationId> stations,
                                boolean enabled, Instant createdAt, String createdBy) {

    public WebhookSubscriber {
        eventTypes = Set.copyOf(eventTypes);
        stations = Set.copyOf(stations);
    }

    /**
     * A new, enabled subscriber with a new id. {@code secret} null or blank: a new random one ({@link WebhookSignature#newSecret}).
     *
     * @throws IllegalArgumentException with a reason for the administrator: an address {@code addresses} refuses, an unknown
     *                                  event type, a secret shorter than 16 characters
     */
    public static WebhookSubscriber create(String name, String url, String secret, Set<String> eventTypes, Set<StationId> stations,
                                           WebhookAddresses addresses, Instant now, String by) {
        URI uri = addresses.check(url);
        for (String type : eventTypes) {
            if (!WebhookEvent.TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown event type " + type + "; the types are " + new java.util.TreeSet<>(WebhookEvent.TYPES));
            }
        }
        String key = secret == null || secret.isBlank() ? WebhookSignature.newSecret() : secret;
        if (key.length() < 16) {
            throw new IllegalArgumentException("secret must be at least 16 characters (or left out: one is made)");
        }
        return new WebhookSubscriber(java.util.UUID.randomUUID().toString(), name.trim(), uri, key, eventTypes, stations, true, now, by);
    }

    /** Whether it is sent {@code event}: enabled, of a type it wants, at one of its stations or below one. */
    public boolean wants(WebhookEvent event, StationTree tree) {
        if (!enabled || (!eventTypes.isEmpty() && !eventTypes.contains(event.type()))) {
            return false;
        }
        return stations.isEmpty() || stations.stream().anyMatch(s -> tree.isWithin(event.station(), s));
    }

    public WebhookSubscriber disabled() {
        return new WebhookSubscriber(id, name, url, secret, eventTypes, stations, false, createdAt, createdBy);
    }

    public WebhookSubscriber enabledAgain() {
        return new WebhookSubscriber(id, name, url, secret, eventTypes, stations, true, createdAt, createdBy);
    }
}
