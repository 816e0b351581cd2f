package id.siaga.app;

import id.siaga.incident.IncidentCreated;
import id.siaga.incident.IncidentEvent;
import id.siaga.incident.IncidentId;
import id.siaga.incident.PossibleDuplicatesFlagged;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.journal.JournalEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals every incident event under each incident it concerns (a link or a merge is in both stories), and an
 * incident opened from a 110 call in that call's story too, so the call tells what came of it. Openings and
 * duplicate flags, the decisions that matter later, are logged with their inputs. It returns only once the entries
 * are durable: the incident service tells it on the request thread, before the change is answered.
 */
final class IncidentJournal implements Consumer<IncidentEvent> {

    private static final Logger log = LoggerFactory.getLogger(IncidentJournal.class);

    private final Journal journal;

    IncidentJournal(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void accept(IncidentEvent e) {
        Map<String, Object> facts = e.facts();
        List<CompletableFuture<JournalEntry>> appends = new ArrayList<>();
        for (IncidentId subject : e.subjects()) {
            appends.add(journal.append(e.type(), SubjectKind.INCIDENT, subject.value(), e.actor(), facts));
        }
        if (e instanceof IncidentCreated created) {
            var i = created.incident();
            log.info("incident {} opened by {} of {}: {} P{}, responsible {}{}{}", i.id(), e.actor(), i.takingStation(), i.type(), i.priority(),
                    i.station(), i.location().map(l -> " (jurisdiction of " + l.point().latitude() + "," + l.point().longitude() + ", "
                            + l.origin() + ")").orElse(" (no location: the taking station)"), i.callId().map(c -> ", call " + c).orElse(""));
            i.callId().ifPresent(call -> {
                Map<String, Object> onCall = new LinkedHashMap<>();
                onCall.put("incident", i.id().value());
                onCall.put("type", i.type().name());
                onCall.put("station", i.station().value());
                appends.add(journal.append(e.type(), SubjectKind.CALL, call, e.actor(), onCall));
            });
        } else if (e instanceof PossibleDuplicatesFlagged flagged) {
            log.info("incident {} ({}) flagged as a possible duplicate of {} (open, related type, within {} m and {})", flagged.incident().id(),
                    flagged.incident().type(), flagged.candidates(), flagged.withinMeters(), flagged.window());
        }
        // the change is answered 2xx on the request thread that told us: only once its story is on disk
        Journal.awaitDurable(appends);
    }
}
