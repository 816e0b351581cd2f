package id.siaga.web;

import id.siaga.cluster.ClusterView;
import id.siaga.cluster.NodeLease;
import id.siaga.cluster.NodeStore;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cluster as the IT staff and supervisors see it: which node answered, and every node's lease (state, address, when
 * it last renewed its lease, who took over a lost one). A single server says it is alone.
 */
@RestController
@RequestMapping("/api/cluster")
class ClusterController {

    private final ClusterView cluster;

    ClusterController(ClusterView cluster) {
        this.cluster = cluster;
    }

    record NodeView(String node, String state, String address, Instant startedAt, Instant heartbeatAt, long silentMs, String takenOverBy) {
        static NodeView of(NodeLease l, Instant now) {
            return new NodeView(l.node(), l.state().name(), l.address(), l.startedAt(), l.heartbeatAt(), l.silentFor(now).toMillis(),
                    l.takenOverBy().orElse(null));
        }
    }

    record ClusterPage(String self, boolean clustered, Instant databaseTime, List<NodeView> nodes) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    ClusterPage cluster() {
        NodeStore.Leases leases = cluster.leases();
        return new ClusterPage(cluster.self(), cluster.clustered(), leases.now(),
                leases.leases().stream().map(l -> NodeView.of(l, leases.now())).toList());
    }
}
