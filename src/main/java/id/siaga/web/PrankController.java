package id.siaga.web;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.StationScope;
import id.siaga.supervision.PrankBoard;
import id.siaga.supervision.PrankFigures;
import id.siaga.supervision.PrankNumberList;
import id.siaga.supervision.PrankNumbersCsv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prank calls on the supervisor board (issue 16), for the user's station and everything below it, or one station of
 * that scope and its subtree: {@code GET /api/supervision/pranks} the shares, minutes and repeat numbers (a number in
 * full only when the station it belongs to is within the user's scope, else its last digits);
 * {@code GET /api/supervision/prank-numbers} the persistent prank numbers of the scope with their last measured
 * positions, JSON or CSV ({@code ?format=csv} or {@code Accept: text/csv}) for the station's follow-up.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class PrankController {

    /** The longest window: the call history keeps more, but a board is about this month. */
    static final int MAX_DAYS = 90;

    private final PrankBoard board;
    private final StationDirectory stations;
    private final StationScope scope;

    PrankController(PrankBoard board, StationDirectory stations, StationScope scope) {
        this.board = board;
        this.stations = stations;
        this.scope = scope;
    }

    @GetMapping("/api/supervision/pranks")
    PrankFigures pranks(@RequestParam(required = false) String station, @RequestParam(defaultValue = "7") int days, Authentication auth) {
        StationId top = top(station, auth);
        return board.figures(StationScope.principal(auth).station(), top, days(days));
    }

    @GetMapping("/api/supervision/prank-numbers")
    ResponseEntity<?> numbers(@RequestParam(required = false) String station, @RequestParam(defaultValue = "30") int days,
                              @RequestParam(defaultValue = "3") int atLeast, @RequestParam(required = false) String format,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication auth) {
        boolean csv = StaffingController.csv(format, accept);
        StationId top = top(station, auth);
        if (atLeast < 1 || atLeast > 1000) {
            throw new IllegalArgumentException("atLeast is the pranks a number needs to be listed: 1 to 1000, got " + atLeast);
        }
        PrankNumberList list = board.numbers(top, days(days), atLeast);
        if (csv) {
            StationTree tree = stations.tree();
            var zone = tree.get(top).timeZone().zone();
            String name = "nomor-iseng-" + top.value() + "-" + list.asOf().atZone(zone).toLocalDate() + ".csv";
            return ResponseEntity.ok().contentType(StaffingController.CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(PrankNumbersCsv.of(list, zone));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").body(list);
    }

    private StationId top(String station, Authentication auth) {
        StationId top = station == null || station.isBlank() ? StationScope.principal(auth).station() : StationsController.existing(station, stations.tree());
        scope.requireVisible(auth, top);
        return top;
    }

    private static int days(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days is 1 to " + MAX_DAYS + ", got " + days);
        }
        return days;
    }
}
