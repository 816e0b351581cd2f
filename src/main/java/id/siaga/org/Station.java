package id.siaga.org;

import java.util.Objects;
import java.util.Optional;

/** An answering point: a node of the organisation tree. Immutable; status changes give a new value. */
public final class Station {

    private final StationId id;
    private final String name;
    private final StationKind kind;
    private final StationId parent;
    private final RolloutStatus status;
    private final GeoPoint headquarters;
    private final StationTimeZone timeZone;

    public Station(StationId id, String name, StationKind kind, StationId parent, RolloutStatus status,
                   GeoPoint headquarters, StationTimeZone timeZone) {
        this.id = Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("station " + id + " has no name");
        }
        this.name = name.trim();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.parent = parent;
        this.status = Objects.requireNonNull(status, "status");
        this.headquarters = Objects.requireNonNull(headquarters, "headquarters");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        if (id.equals(parent)) {
            throw new IllegalArgumentException("station " + id + " names itself as parent");
        }
    }

    public StationId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public StationKind kind() {
        return kind;
    }

    /** The parent station; empty only for the root (Mabes). */
    public Optional<StationId> parent() {
        return Optional.ofNullable(parent);
    }

    public RolloutStatus status() {
        return status;
    }

    public boolean isLive() {
        return status == RolloutStatus.LIVE;
    }

    public GeoPoint headquarters() {
        return headquarters;
    }

    public StationTimeZone timeZone() {
        return timeZone;
    }

    /** The same station known by another name (an administrator's correction of the name the files gave). */
    public Station named(String newName) {
        return new Station(id, newName, kind, parent, status, headquarters, timeZone);
    }

    /** The same station in another rollout status. */
    public Station inStatus(RolloutStatus newStatus) {
        return new Station(id, name, kind, parent, newStatus, headquarters, timeZone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Station other && id.equals(other.id) && name.equals(other.name) && kind == other.kind
                && Objects.equals(parent, other.parent) && status == other.status
                && headquarters.equals(other.headquarters) && timeZone == other.timeZone;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
