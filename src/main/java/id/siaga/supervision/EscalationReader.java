package id.siaga.supervision;

import id.siaga.journal.JournalEntry;
import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.telephony.event.CallEscalated;
import id.siaga.telephony.event.CallEvent;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.LegFailed;
import id.siaga.telephony.event.LegRang;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the board needs out of a call's journal entries (written by the call pipeline), as the call's events:
 * its escalations ({@link CallEscalated}) and the phones that declined it ({@link LegFailed} with 486 or 603; the
 * station is the one the preceding {@link LegRang} of that position names). Entries of other types, and any that
 * cannot be read, are passed over. Public for the commanders' reports ({@code reporting}), which read a period's
 * {@code CallEscalated} entries the same way.
 */
public final class EscalationReader {

    /** 486 Busy Here and 603 Decline: the operator (or the phone's do-not-disturb) refused the call. */
    static final Set<Integer> DECLINED = Set.of(486, 603);

    private EscalationReader() {
    }

    /** The escalations among a call's entries, in the order they happened. */
    public static List<Escalation> of(List<JournalEntry> story) {
        List<Escalation> found = new ArrayList<>();
        for (JournalEntry e : story) {
            if (CallEvents.read(e).orElse(null) instanceof CallEscalated x) {
                found.add(new Escalation(x.call().value(), e.at(), x.from().value(), x.to().value(), x.tier(), x.reason().name(),
                        x.missed().stream().map(OperatorId::value).toList()));
            }
        }
        found.sort(Comparator.comparing(Escalation::at));
        return found;
    }

    /** The phones that declined the call, in the order they did. */
    static List<Decline> declines(List<JournalEntry> story) {
        List<JournalEntry> ordered = new ArrayList<>(story);
        ordered.sort(JournalEntry.IN_ORDER);
        Map<OperatorId, StationId> rangAt = new HashMap<>();
        List<Decline> found = new ArrayList<>();
        for (JournalEntry e : ordered) {
            CallEvent event = CallEvents.read(e).orElse(null);
            if (event instanceof LegRang rang) {
                rangAt.put(rang.operator(), rang.station());
            } else if (event instanceof LegFailed failed && DECLINED.contains(failed.status()) && rangAt.containsKey(failed.operator())) {
                found.add(new Decline(failed.call().value(), e.at(), failed.operator().value(), rangAt.get(failed.operator()).value(),
                        failed.status()));
            }
        }
        return found;
    }
}
