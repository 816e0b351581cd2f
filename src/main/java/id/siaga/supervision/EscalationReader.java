package id.siaga.supervision;

import id.siaga.journal.JournalEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the board needs out of a call's journal entries (written by the call pipeline): its escalations
 * ({@code CallEscalated}) and the phones that declined it ({@code LegFailed} with 486 or 603; the station is the one
 * the preceding {@code LegRang} of that position names).
 */
final class EscalationReader {

    static final String ESCALATED = "CallEscalated";
    static final String RANG = "LegRang";
    static final String LEG_FAILED = "LegFailed";
    /** 486 Busy Here and 603 Decline: the operator (or the phone's do-not-disturb) refused the call. */
    static final Set<Integer> DECLINED = Set.of(486, 603);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EscalationReader() {
    }

    /** The escalations among a call's entries, in the order they happened. */
    static List<Escalation> of(List<JournalEntry> story) {
        List<Escalation> found = new ArrayList<>();
        for (JournalEntry e : story) {
            if (ESCALATED.equals(e.type())) {
                JsonNode p = JSON.readTree(e.payload());
                List<String> missed = new ArrayList<>();
                for (JsonNode op : p.path("missed")) {
                    missed.add(op.asString());
                }
                found.add(new Escalation(e.subjectId(), e.at(), p.path("from").asString(), p.path("to").asString(), p.path("tier").asInt(),
                        p.path("reason").asString(), missed));
            }
        }
        found.sort((a, b) -> a.at().compareTo(b.at()));
        return found;
    }

    /** The phones that declined the call, in the order they did. */
    static List<Decline> declines(List<JournalEntry> story) {
        List<JournalEntry> ordered = new ArrayList<>(story);
        ordered.sort(java.util.Comparator.comparingLong(JournalEntry::seq));
        Map<String, String> rangAt = new HashMap<>();
        List<Decline> found = new ArrayList<>();
        for (JournalEntry e : ordered) {
            if (RANG.equals(e.type())) {
                JsonNode p = JSON.readTree(e.payload());
                rangAt.put(p.path("operator").asString(), p.path("station").asString());
            } else if (LEG_FAILED.equals(e.type())) {
                JsonNode p = JSON.readTree(e.payload());
                int status = p.path("status").asInt();
                String operator = p.path("operator").asString();
                if (DECLINED.contains(status) && rangAt.containsKey(operator)) {
                    found.add(new Decline(e.subjectId(), e.at(), operator, rangAt.get(operator), status));
                }
            }
        }
        return found;
    }
}
