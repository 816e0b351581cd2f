package id.siaga.web;

import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.OutOfScopeException;
import id.siaga.security.StationScope;
import id.siaga.telephony.CallId;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.CallerSilence;
import id.siaga.telephony.recording.Recording;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest recordings in scope ({@code GET /api/calls/recordings}), and a call's recording, to listen to in the
 * console or download: {@code GET /api/calls/{id}/recording}, a stereo WAV
 * (caller left, operator right) with Range support (206 and {@code Content-Range}, so a player can seek). Who may hear
 * it is who may see the call ({@link CallLookup}: its responsible station within the user's scope; the recording's own
 * station when the call's record is not at hand). A call out of scope answers exactly like a call without a recording,
 * 404, so nobody learns which calls were recorded elsewhere. Every listen is journalled ({@link RecordingListens}).
 */
@RestController
@RequestMapping("/api/calls")
@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
class RecordingController {

    static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

    private final CallLookup lookup;
    private final StationScope scope;
    private final CallRecordings recordings;
    private final RecordingListens listens;
    private final StationDirectory stations;

    RecordingController(CallLookup lookup, StationScope scope, CallRecordings recordings, RecordingListens listens, StationDirectory stations) {
        this.stations = stations;
        this.lookup = lookup;
        this.scope = scope;
        this.recordings = recordings;
        this.listens = listens;
    }

    /**
     * One kept recording as the board lists it: no caller number, no location, so a list is no read of personal data.
     * {@code callerSilence}: SILENT (the caller said nothing for {@code callerSilenceMs} after the answer),
     * NO_CALLER_AUDIO (no audio of the caller's at all), SPOKE or TOO_SHORT; null when not judged.
     */
    record RecordingView(String call, String station, Instant recordedAt, long durationMs, long bytes, String sha256, String url,
                         String callerSilence, Long callerSilenceMs) {
        static RecordingView of(Recording r, CallerSilence.Heard heard) {
            return new RecordingView(r.call().value(), r.station().value(), r.recordedAt(), r.duration().toMillis(), r.bytes(), r.sha256(),
                    "/api/calls/" + r.call().value() + "/recording", heard == null ? null : heard.verdict().name(),
                    heard == null ? null : heard.window().toMillis());
        }
    }

    /** The latest recordings of the calls of the stations in scope, newest first ({@code limit} 1-100): the board's list. */
    @GetMapping("/recordings")
    List<RecordingView> latest(@RequestParam(defaultValue = "20") int limit, Authentication auth) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100, got " + limit);
        }
        List<StationId> inScope = stations.tree().subtree(StationScope.principal(auth).station()).stream().map(Station::id).toList();
        List<Recording> latest = recordings.latest(inScope, limit);
        java.util.Map<CallId, CallerSilence.Heard> heard = recordings.callerSilences(latest.stream().map(Recording::call).toList());
        return latest.stream().map(r -> RecordingView.of(r, heard.get(r.call()))).toList();
    }

    @GetMapping("/{id}/recording")
    ResponseEntity<Resource> recording(@PathVariable String id, HttpServletRequest request, Authentication auth) throws IOException {
        NoSuchElementException none = new NoSuchElementException("no recording of call " + id);
        CallId call;
        try {
            call = CallLookup.callId(id);
        } catch (NoSuchElementException e) {
            throw none;
        }
        CallRecordings.Stored stored = recordings.find(call).orElseThrow(() -> none);
        if (!visible(auth, id, stored)) {
            throw none;
        }
        long length = Files.size(stored.file());
        String range = request.getHeader(HttpHeaders.RANGE);
        if (!"HEAD".equals(request.getMethod())) {
            listens.heard(auth.getName(), call, range != null, fromByte(range, length));
        }
        return ResponseEntity.ok().contentType(AUDIO_WAV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(call.value() + ".wav").build().toString())
                .body(new FileSystemResource(stored.file()));
    }

    /** The call's rule; the recording's station when the call is in neither the live calls nor the history. */
    private boolean visible(Authentication auth, String id, CallRecordings.Stored stored) {
        try {
            lookup.requireVisible(auth, lookup.find(id));
            return true;
        } catch (NoSuchElementException e) {
            return scope.canSee(auth, stored.recording().station());
        } catch (OutOfScopeException e) {
            return false;
        }
    }

    /** Where a Range request starts (0 for none, or one Spring will refuse with 416). */
    static long fromByte(String range, long length) {
        if (range == null) {
            return 0;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(range);
            return ranges.isEmpty() ? 0 : Math.min(length, ranges.get(0).getRangeStart(length));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
