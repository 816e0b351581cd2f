package id.siaga.web;

import id.siaga.org.GoLiveChecklist;
import id.siaga.org.RolloutChanges;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The station tree as far as the caller may see it, and rollout status changes by administrators. */
@RestController
@RequestMapping("/api/stations")
class StationsController {

    private final StationDirectory stations;
    private final StationScope scope;
    private final RolloutChanges administration;

    StationsController(StationDirectory stations, StationScope scope, RolloutChanges administration) {
        this.stations = stations;
        this.scope = scope;
        this.administration = administration;
    }

    /** The caller's home station and everything below it, parents before children. */
    @GetMapping
    List<StationView> tree(Authentication auth) {
        return stations.tree().subtree(StationScope.principal(auth).station()).stream().map(StationView::of).toList();
    }

    record StationDetail(StationView station, List<StationView> chain, List<String> children) {
    }

    @GetMapping("/{id}")
    StationDetail one(@PathVariable String id, Authentication auth) {
        StationTree tree = stations.tree();
        StationId sid = existing(id, tree);
        scope.requireVisible(auth, sid);
        return new StationDetail(StationView.of(tree.get(sid)), tree.chainToRoot(sid).stream().map(StationView::of).toList(),
                tree.children(sid).stream().map(StationId::value).toList());
    }

    /**
     * A rollout status change: the reason is required; {@code override} lets an administrator of the whole country (home
     * station the root) put a station LIVE over an unmet checklist, and is journalled as such.
     */
    record StatusChange(@NotNull RolloutStatus status, @NotBlank @Size(max = 500) String reason, Boolean override) {
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("hasRole('ADMIN')")
    StationView changeStatus(@PathVariable String id, @Valid @RequestBody StatusChange change, Authentication auth) {
        StationTree tree = stations.tree();
        StationId sid = existing(id, tree);
        scope.requireVisible(auth, sid);
        boolean override = Boolean.TRUE.equals(change.override());
        if (override && !StationScope.principal(auth).station().equals(tree.root().id())) {
            throw new org.springframework.security.access.AccessDeniedException("only an administrator of " + tree.root().name() + " may put a station live over its checklist");
        }
        administration.changeStatus(sid, change.status(), auth.getName(), change.reason(), override);
        return StationView.of(stations.tree().get(sid));
    }

    /** What the station needs before it goes LIVE, each item met or not (supervisors see it, administrators act on it). */
    @GetMapping("/{id}/go-live")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    GoLiveChecklist checklist(@PathVariable String id, Authentication auth) {
        StationId sid = existing(id, stations.tree());
        scope.requireVisible(auth, sid);
        return administration.checklist(sid);
    }

    static StationId existing(String id, StationTree tree) {
        StationId sid;
        try {
            sid = StationId.of(id);
        } catch (IllegalArgumentException e) {
            throw new java.util.NoSuchElementException("no station " + id);
        }
        return tree.find(sid).map(Station::id).orElseThrow(() -> new java.util.NoSuchElementException("no station " + id));
    }
}
