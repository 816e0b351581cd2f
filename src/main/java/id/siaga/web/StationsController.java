package id.siaga.web;

import id.siaga.org.RolloutChanges;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
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

    record StatusChange(@NotNull RolloutStatus status, @Size(max = 500) String reason) {
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("hasRole('ADMIN')")
    StationView changeStatus(@PathVariable String id, @Valid @RequestBody StatusChange change, Authentication auth) {
        StationId sid = existing(id, stations.tree());
        scope.requireVisible(auth, sid);
        administration.changeStatus(sid, change.status(), auth.getName(), change.reason());
        return StationView.of(stations.tree().get(sid));
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
