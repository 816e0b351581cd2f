package id.siaga.web;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.StationScope;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallView;
import id.siaga.telephony.PhoneNumbers;
import id.siaga.telephony.recording.CallRecordings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 110 calls for the people who take and oversee them: live calls, the live stream, the history and one
 * call's story. Who sees which call is {@link CallLookup}'s rule: a live call, whoever can see its responsible
 * station or a station whose phones ring for it; a finished call, whoever can see its responsible station.
 * Call data names callers, so integration clients and field officers get none.
 */
@RestController
@RequestMapping("/api/calls")
@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
class CallsController {

    /** Journal entries shown with one call; a call's story is a few dozen entries, a long queue a few hundred. */
    static final int JOURNAL_LIMIT = 1000;

    private final CallCoordinator coordinator;
    private final CallRecordStore records;
    private final CallStream stream;
    private final Journal journal;
    private final StationDirectory stations;
    private final CallLookup lookup;
    private final LocationReads locationReads;
    private final CallRecordings recordings;

    CallsController(CallCoordinator coordinator, CallRecordStore records, CallStream stream, Journal journal, StationDirectory stations,
                    CallLookup lookup, LocationReads locationReads, CallRecordings recordings) {
        this.locationReads = locationReads;
        this.recordings = recordings;
        this.coordinator = coordinator;
        this.records = records;
        this.stream = stream;
        this.journal = journal;
        this.stations = stations;
        this.lookup = lookup;
    }

    /** A finished call as the history shows it; {@code recording} is where its recording plays, absent when it has none. */
    record CallRecordView(String id, String callerNumber, String dialled, String station, Instant offeredAt, Instant answeredAt,
                          Instant endedAt, CallRecord.Outcome outcome, String answeredBy, String answeredAtStation, Integer answeredTier,
                          String endedBy, String locationSource, Double latitude, Double longitude, String recording) {
        static CallRecordView of(CallRecord r, boolean recorded) {
            return new CallRecordView(r.id().value(), r.callerNumber(), r.dialled(), r.station(), r.offeredAt(), r.answeredAt(), r.endedAt(),
                    r.outcome(), r.answeredBy(), r.answeredAtStation(), r.answeredTier(), r.endedBy(), r.locationSource(), r.latitude(),
                    r.longitude(), recorded ? "/api/calls/" + r.id().value() + "/recording" : null);
        }
    }

    /** One call: its record once it has ended, or how it stands while it is live; and its journal, oldest first. */
    record CallDetail(CallRecordView record, CallView live, List<JournalController.EntryView> journal) {
    }

    /** Live calls in the caller's scope, oldest first. */
    @GetMapping
    List<CallView> live(Authentication auth) {
        List<CallView> calls = lookup.liveEverywhere().stream().filter(c -> visible(auth, c)).toList();
        locationReads.read(auth, calls.stream().filter(c -> c.latitude() != null).map(CallView::id).toList(), "GET /api/calls");
        return calls;
    }

    /** Server-Sent Events: {@code offered}, {@code escalated}, {@code answered}, {@code ended}, each with the call as it stands. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Authentication auth) {
        // each location a console is sent is a read: journalled the first time a call shows one, and whenever it moves
        Map<String, String> shown = new java.util.concurrent.ConcurrentHashMap<>();
        return stream.subscribe(auth.getName(), c -> {
            if (!visible(auth, c)) {
                return false;
            }
            if (c.latitude() != null) {
                String where = c.latitude() + "," + c.longitude();
                if (!where.equals(shown.put(c.id(), where))) {
                    locationReads.read(auth, c.id(), "GET /api/calls/stream");
                }
            }
            if ("ENDED".equals(c.state())) {
                shown.remove(c.id());
            }
            return true;
        });
    }

    /**
     * Finished calls of the stations in the caller's scope, newest first; {@code since}/{@code until} bound the offer time.
     * With {@code caller} (any way of writing an Indonesian number, normalised like a call's), only that caller's
     * calls: the console's "earlier calls" of a ringing number. A withheld number has no history (it is everybody's).
     */
    @GetMapping("/history")
    List<CallRecordView> history(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Instant since,
                                 @RequestParam(required = false) Instant until, @RequestParam(required = false) String caller,
                                 Authentication auth) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        List<StationId> inScope = stations.tree().subtree(StationScope.principal(auth).station()).stream().map(Station::id).toList();
        List<CallRecord> kept;
        if (caller != null) {
            if (since != null || until != null) {
                throw new IllegalArgumentException("caller cannot be combined with since/until");
            }
            String number = PhoneNumbers.normalize(caller);
            kept = PhoneNumbers.ANONYMOUS.equals(number) ? List.of() : records.ofCaller(number, inScope, limit);
        } else {
            kept = records.atStations(inScope, new CallRecordStore.Window(since, until), limit);
        }
        Set<CallId> recorded = recordings.recorded(kept.stream().map(CallRecord::id).toList());
        List<CallRecordView> found = kept.stream().map(r -> CallRecordView.of(r, recorded.contains(r.id()))).toList();
        locationReads.read(auth, found.stream().filter(r -> r.latitude() != null).map(CallRecordView::id).toList(), "GET /api/calls/history");
        return found;
    }

    @GetMapping("/{id}")
    CallDetail one(@PathVariable String id, Authentication auth) {
        CallLookup.Found call = lookup.find(id);
        lookup.requireVisible(auth, call);
        CallRecordView record = call.isLive() ? null
                : CallRecordView.of(call.record(), !recordings.recorded(List.of(call.record().id())).isEmpty());
        Optional<CallView> live = Optional.ofNullable(call.live());
        String callId = call.isLive() ? call.live().id() : call.record().id().value();
        List<JournalController.EntryView> story = new ArrayList<>(journal.bySubject(SubjectKind.CALL, callId, JOURNAL_LIMIT)
                .stream().map(JournalController.EntryView::of).toList());
        Collections.reverse(story);
        boolean located = (record != null && record.latitude() != null) || (live.isPresent() && live.get().latitude() != null)
                || story.stream().anyMatch(e -> e.type().equals("CallLocated"));
        if (located) {
            locationReads.read(auth, callId, "GET /api/calls/{id}");
        }
        return new CallDetail(record, live.orElse(null), story);
    }

    private boolean visible(Authentication auth, CallView call) {
        return lookup.visible(auth, call);
    }
}
