package id.siaga.integration.text;

import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a conversation nobody takes climbs, like a ringing call: {@code escalateAfter} after it was offered to a station,
 * the offer moves to that station's parent (Polsek → Polres → Polda → Mabes); at the root it stays until someone takes
 * it. Who is alerted: every console of a station between the conversation's own station and the station it is offered
 * to, so the offer widens and the lower tier keeps seeing it.
 */
public final class TextEscalation {

    private TextEscalation() {
    }

    /** The station to offer to next, if the conversation waits and is due to climb. */
    public static Optional<StationId> next(TextConversation c, StationTree tree, Duration escalateAfter, Instant now) {
        if (!c.waiting() || c.offeredAt().plus(escalateAfter).isAfter(now)) {
            return Optional.empty();
        }
        return tree.find(c.offeredStation()).flatMap(s -> s.parent());
    }

    /** Whether a console of {@code home} is alerted by this conversation: it waits, and {@code home} is on the way up to the offered station. */
    public static boolean alerts(TextConversation c, StationId home, StationTree tree) {
        if (!c.waiting() || !tree.contains(c.station())) {
            return false;
        }
        List<StationId> chain = tree.chainToRoot(c.station()).stream().map(s -> s.id()).toList();
        int offered = chain.indexOf(c.offeredStation());
        int mine = chain.indexOf(home);
        return mine >= 0 && (offered < 0 || mine <= offered);
    }
}
