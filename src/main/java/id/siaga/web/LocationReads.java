package id.siaga.web;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A caller's location is personal data: every time the API hands one out (a live call, a finished call's
 * record or story, a call-back task, the event stream) the read is journalled on that call, naming who read
 * it and through what, so a Kapolres can answer "who looked at where this caller was".
 */
@Component
class LocationReads {

    private final Journal journal;

    LocationReads(Journal journal) {
        this.journal = journal;
    }

    /** {@code auth} was shown the location of the call {@code callId} through {@code via} ("GET /api/calls", "stream" …). */
    void read(Authentication auth, String callId, String via) {
        journal.append("CallerLocationRead", SubjectKind.CALL, callId, auth.getName(), Map.of("via", via));
    }

    /** The same for several calls at once, each journalled once. */
    void read(Authentication auth, Collection<String> callIds, String via) {
        Set<String> once = new LinkedHashSet<>(callIds);
        once.forEach(id -> read(auth, id, via));
    }
}
