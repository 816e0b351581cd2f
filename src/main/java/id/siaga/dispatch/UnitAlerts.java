package id.siaga.dispatch;

import id.siaga.org.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The alerts the desk sends a unit's officers (sent, cancelled, arrival proposed), over every channel there is. */
final class UnitAlerts {

    private final UnitRoster roster;
    private final IncidentProgress incidents;
    private final Clock clock;
    private final List<AlertChannel> channels = new CopyOnWriteArrayList<>();

    UnitAlerts(UnitRoster roster, IncidentProgress incidents, List<AlertChannel> channels, Clock clock) {
        this.roster = roster;
        this.incidents = incidents;
        this.clock = clock;
        this.channels.addAll(channels);
    }

    void add(AlertChannel channel) {
        channels.add(channel);
    }

    UnitAlert alert(String kind, Assignment a, Double meters, Duration eta) {
        return alert(kind, a, meters, eta, incidents.target(a.incident()).orElse(null));
    }

    UnitAlert alert(String kind, Assignment a, Double meters, Duration eta, DispatchTarget t) {
        Unit u = roster.find(a.unitId()).orElseThrow();
        GeoPoint p = t == null ? null : t.location().orElse(null);
        return new UnitAlert(kind, u.id(), u.callSign(), a.id().value(), a.incident().value(), t == null ? null : t.typeLabel(),
                t == null ? 0 : t.priority(), p == null ? null : p.latitude(), p == null ? null : p.longitude(), t == null ? null : t.address(),
                t == null ? null : t.description(), meters, eta == null ? null : eta.toSeconds(), clock.instant());
    }

    /** Sends the alert on every channel; returns the names of those that took it. */
    List<String> deliver(UnitAlert alert) {
        return deliver(alert, false);
    }

    /**
     * Another node's alert, sent here on the channels that reach only this node's officers (that node's own channels
     * reached its officers and every device).
     */
    void deliverFromAnotherNode(DispatchEvent event) {
        if (event instanceof DispatchEvent.UnitAssigned e) {
            Assignment a = e.assignment();
            deliver(alert("DISPATCH", a, a.distanceAtAssignmentMeters(), a.etaAtAssignment()), true);
        } else if (event instanceof DispatchEvent.AssignmentCancelled e) {
            deliver(alert("CANCEL", e.assignment(), null, null), true);
        } else if (event instanceof DispatchEvent.OnSceneProposed e) {
            deliver(alert("ON_SCENE_PROPOSED", e.assignment(), e.distanceMeters(), null), true);
        }
    }

    private List<String> deliver(UnitAlert alert, boolean thisNodeOnly) {
        List<String> delivered = new ArrayList<>();
        for (AlertChannel channel : channels) {
            if (thisNodeOnly && !channel.reachesThisNodeOnly()) {
                continue;
            }
            try {
                if (channel.deliver(alert)) {
                    delivered.add(channel.name());
                }
            } catch (RuntimeException e) {
                // one broken channel must not stop the others; the acknowledgement timer covers the rest
            }
        }
        return delivered;
    }
}
