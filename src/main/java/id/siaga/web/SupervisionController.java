package id.siaga.web;

import id.siaga.security.StationScope;
import id.siaga.supervision.Board;
import id.siaga.supervision.SupervisionBoard;
import id.siaga.telephony.CallView;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisor board's figures for the user's station and everything below it, today (from midnight in the
 * station's zone): one payload, refreshed by the board every few seconds. No caller numbers or locations.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SupervisionController {

    private final SupervisionBoard board;
    private final CallLookup lookup;

    SupervisionController(SupervisionBoard board, CallLookup lookup) {
        this.board = board;
        this.lookup = lookup;
    }

    @GetMapping("/api/supervision/board")
    Board board(Authentication auth) {
        List<CallView> live = lookup.liveEverywhere().stream().filter(c -> lookup.visible(auth, c)).toList();
        return board.figures(StationScope.principal(auth).station(), live);
    }
}
