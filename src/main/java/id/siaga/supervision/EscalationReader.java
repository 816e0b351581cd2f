package id.siaga.supervision;

import id.siaga.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a call's escalations out of its journal entries ({@code CallEscalated}, written by the call pipeline). */
final class EscalationReader {

    static final String ESCALATED = "CallEscalated";
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
}
