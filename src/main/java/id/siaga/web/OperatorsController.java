package id.siaga.web;

import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.PositionPhones;
import id.siaga.org.PresenceBoard;
import id.siaga.org.PresenceChanges;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator positions and their presence, within the caller's station scope. */
@RestController
@RequestMapping("/api/operators")
class OperatorsController {

    private final OperatorRoster roster;
    private final PresenceBoard board;
    private final PresenceChanges presence;
    private final StationDirectory stations;
    private final StationScope scope;
    private final PositionPhones phones;

    OperatorsController(OperatorRoster roster, PresenceBoard board, PresenceChanges presence, StationDirectory stations,
                        StationScope scope, PositionPhones phones) {
        this.phones = phones;
        this.roster = roster;
        this.board = board;
        this.presence = presence;
        this.stations = stations;
        this.scope = scope;
    }

    /**
     * A position, who is seated at it, its presence, and whether its phone can be rung now ({@code phoneReachable}: registered,
     * or at a static contact). READY without a reachable phone is a problem: the position counts as ready but no call reaches it.
     */
    record OperatorView(String id, String name, String station, String username, Presence presence, boolean phoneReachable) {
    }

    /** Operators of one station, or of every station in the caller's scope when none is named. */
    @GetMapping
    List<OperatorView> list(@RequestParam(required = false) String station, Authentication auth) {
        if (station != null) {
            StationId sid = StationsController.existing(station, stations.tree());
            scope.requireVisible(auth, sid);
            return roster.atStation(sid).stream().map(this::view).toList();
        }
        return roster.all().stream().filter(o -> scope.canSee(auth, o.station())).map(this::view).toList();
    }

    @GetMapping("/{id}")
    OperatorView one(@PathVariable String id, Authentication auth) {
        Operator op = existing(id);
        scope.requireVisible(auth, op.station());
        return view(op);
    }

    record PresenceChange(@NotNull Presence presence) {
    }

    /** An operator sets their own presence; a supervisor or administrator may set it for anyone in scope. */
    @PutMapping("/{id}/presence")
    OperatorView setPresence(@PathVariable String id, @Valid @RequestBody PresenceChange change, Authentication auth) {
        Operator op = existing(id);
        scope.requireVisible(auth, op.station());
        SiagaPrincipal me = StationScope.principal(auth);
        boolean self = op.seats(me.username());
        if (!self && !me.has(Role.SUPERVISOR) && !me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the operator, a supervisor or an administrator may change this presence");
        }
        presence.change(op.id(), change.presence(), me.username());
        return view(op);
    }

    private Operator existing(String id) {
        try {
            return roster.find(new OperatorId(id)).orElseThrow(() -> new NoSuchElementException("no operator " + id));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("no operator " + id);
        }
    }

    private OperatorView view(Operator o) {
        return new OperatorView(o.id().value(), o.name(), o.station().value(), o.username().orElse(null), board.presenceOf(o.id()),
                phones.reachable(o.id()));
    }
}
