package id.siaga.web;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalVerification;
import id.siaga.journal.SubjectKind;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentId;
import id.siaga.incident.Incidents;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.StationScope;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journal by subject, for supervisors and administrators, within their scope; and verification of the
 * whole chain for administrators. Subjects that belong to no station yet (calls, incidents, units) are
 * visible from Mabes only until those capabilities record their station.
 */
@RestController
@RequestMapping("/api/journal")
class JournalController {

    private final Journal journal;
    private final StationScope scope;
    private final StationDirectory stations;
    private final OperatorRoster roster;

    private final LocationReads locationReads;

    private final CallLookup calls;
    private final Incidents incidents;

    JournalController(Journal journal, StationScope scope, StationDirectory stations, OperatorRoster roster, LocationReads locationReads,
                      CallLookup calls, Incidents incidents) {
        this.calls = calls;
        this.incidents = incidents;
        this.locationReads = locationReads;
        this.journal = journal;
        this.scope = scope;
        this.stations = stations;
        this.roster = roster;
    }

    /** An entry with its payload as JSON, not as a string of JSON, and the node whose chain holds it. */
    record EntryView(String node, long seq, java.time.Instant at, String type, SubjectKind subjectKind, String subjectId, String actor,
                     @JsonRawValue String payload, String prevHash, String hash) {
        static EntryView of(JournalEntry e) {
            return new EntryView(e.node(), e.seq(), e.at(), e.type(), e.subjectKind(), e.subjectId(), e.actor(), writable(e.payload()), e.prevHash(),
                    e.hash());
        }
    }

    /**
     * The stored payload as JSON that can be sent. A payload written before every API held text to {@code TextRule} may
     * hold a lone UTF-16 surrogate (H2 keeps one as it was given); no UTF-8 writer can send that character raw, and the
     * whole answer used to fail with it, for everyone, for good. It can only be inside a JSON string (JSON's own syntax is
     * ASCII), so its JSON escape (a backslash, u and four hex digits) is the same string, and the entry reads as it was stored.
     */
    static String writable(String payload) {
        if (payload == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < payload.length() && Character.isLowSurrogate(payload.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(payload.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(payload.length() + 8).append(payload, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? payload : out.toString();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    List<EntryView> bySubject(@RequestParam SubjectKind kind, @RequestParam String id,
                                 @RequestParam(defaultValue = "100") int limit, Authentication auth) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        switch (kind) {
            case STATION -> scope.requireVisible(auth, StationsController.existing(id, stations.tree()));
            case OPERATOR -> scope.requireVisible(auth,
                    roster.find(operatorId(id)).orElseThrow(() -> new NoSuchElementException("no operator " + id)).station());
            case CALL -> requireCallVisible(auth, id);
            case INCIDENT -> requireIncidentVisible(auth, id);
            default -> scope.requireVisible(auth, stations.tree().root().id());
        }
        List<EntryView> entries = journal.bySubject(kind, id, limit).stream().map(EntryView::of).toList();
        if (kind == SubjectKind.CALL && entries.stream().anyMatch(e -> e.type().equals("CallLocated"))) {
            locationReads.read(auth, id, "GET /api/journal");
        }
        return entries;
    }

    /**
     * A call's story is for those who may see the call: its responsible station's (and the stations it rang at, while
     * live), as the call API decides. A call known to the journal only (no live call, no record yet) is Mabes's.
     */
    private void requireCallVisible(Authentication auth, String id) {
        CallLookup.Found call;
        try {
            call = calls.find(id);
        } catch (NoSuchElementException unknown) {
            scope.requireVisible(auth, stations.tree().root().id());
            return;
        }
        calls.requireVisible(auth, call);
    }

    /** An incident's story is for those who see its responsible or its taking station, as the incident API decides. */
    private void requireIncidentVisible(Authentication auth, String id) {
        Optional<Incident> incident;
        try {
            incident = incidents.find(new IncidentId(id));
        } catch (IllegalArgumentException notAnId) {
            incident = Optional.empty();
        }
        if (incident.isEmpty()) {
            scope.requireVisible(auth, stations.tree().root().id());
        } else if (!scope.canSee(auth, incident.get().takingStation())) {
            scope.requireVisible(auth, incident.get().station());
        }
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    JournalVerification verify() {
        return journal.verify();
    }

    private static OperatorId operatorId(String id) {
        try {
            return new OperatorId(id);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("no operator " + id);
        }
    }
}
