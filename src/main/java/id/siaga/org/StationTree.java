package id.siaga.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The validated, immutable tree of answering points. Exactly one root (Mabes); every other station has a
 * known parent; no cycles; any depth. A change of rollout status or of a name yields a new tree.
 */
public final class StationTree {

    private final Map<StationId, Station> stations;
    private final Map<StationId, List<StationId>> children;
    private final Map<StationId, Integer> depths;
    private final Station root;

    private StationTree(Map<StationId, Station> stations) {
        this.stations = Collections.unmodifiableMap(stations);
        Map<StationId, List<StationId>> kids = new HashMap<>();
        Station top = null;
        for (Station s : stations.values()) {
            if (s.parent().isEmpty()) {
                top = s;
            } else {
                kids.computeIfAbsent(s.parent().get(), k -> new ArrayList<>()).add(s.id());
            }
        }
        kids.values().forEach(list -> list.sort(null));
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = kids;
        this.root = top;
        Map<StationId, Integer> d = new HashMap<>();
        for (StationId id : stations.keySet()) {
            d.put(id, chainToRoot(id).size() - 1);
        }
        this.depths = d;
    }

    /** Starts a tree; each station is added with the place it came from, used in error messages. */
    public static Builder builder() {
        return new Builder();
    }

    public Station root() {
        return root;
    }

    public Optional<Station> find(StationId id) {
        return Optional.ofNullable(stations.get(id));
    }

    public Station get(StationId id) {
        Station s = stations.get(id);
        if (s == null) {
            throw new NoSuchElementException("no station " + id);
        }
        return s;
    }

    public boolean contains(StationId id) {
        return stations.containsKey(id);
    }

    public Collection<Station> all() {
        return stations.values();
    }

    public int size() {
        return stations.size();
    }

    public List<StationId> children(StationId id) {
        return children.getOrDefault(id, List.of());
    }

    /** Depth from the root: Mabes 0, a Polda 1, a Polres 2, a Polsek 3 in the usual tree. */
    public int depth(StationId id) {
        Integer d = depths.get(id);
        if (d == null) {
            throw new NoSuchElementException("no station " + id);
        }
        return d;
    }

    /** The station itself, then its parent, up to and including the root. */
    public List<Station> chainToRoot(StationId id) {
        List<Station> chain = new ArrayList<>(4);
        Station s = get(id);
        while (true) {
            chain.add(s);
            Optional<StationId> parent = s.parent();
            if (parent.isEmpty()) {
                return chain;
            }
            s = get(parent.get());
        }
    }

    /** True when {@code candidate} is {@code ancestor} itself or lies anywhere below it. */
    public boolean isWithin(StationId candidate, StationId ancestor) {
        if (!stations.containsKey(candidate)) {
            return false;
        }
        StationId at = candidate;
        while (at != null) {
            if (at.equals(ancestor)) {
                return true;
            }
            at = stations.get(at).parent().orElse(null);
        }
        return false;
    }

    /** The station and everything below it, parents before children. */
    public List<Station> subtree(StationId id) {
        List<Station> out = new ArrayList<>();
        List<StationId> queue = new ArrayList<>(List.of(get(id).id()));
        for (int i = 0; i < queue.size(); i++) {
            out.add(stations.get(queue.get(i)));
            queue.addAll(children(queue.get(i)));
        }
        return out;
    }

    /** A tree in which one station has another rollout status. */
    public StationTree withStatus(StationId id, RolloutStatus status) {
        Map<StationId, Station> copy = new LinkedHashMap<>(stations);
        copy.put(id, get(id).inStatus(status));
        return new StationTree(copy);
    }

    /** A tree in which some stations have other names; ids it does not hold are left out. */
    public StationTree withNames(Map<StationId, String> names) {
        Map<StationId, Station> copy = new LinkedHashMap<>(stations);
        names.forEach((id, name) -> copy.computeIfPresent(id, (k, s) -> s.named(name)));
        return new StationTree(copy);
    }

    /** Collects stations and checks the tree's shape before anything is served from it. */
    public static final class Builder {
        private final Map<StationId, Station> stations = new LinkedHashMap<>();
        private final Map<StationId, String> origins = new HashMap<>();

        public Builder add(Station station, String origin) {
            String earlier = origins.get(station.id());
            if (earlier != null) {
                throw new InvalidStationDataException(origin + ": duplicate station id " + station.id()
                        + " (first defined at " + earlier + ")");
            }
            stations.put(station.id(), station);
            origins.put(station.id(), origin);
            return this;
        }

        public StationTree build() {
            List<Station> roots = stations.values().stream().filter(s -> s.parent().isEmpty()).toList();
            if (roots.size() != 1) {
                throw new InvalidStationDataException("the station tree needs exactly one root (Mabes), found "
                        + roots.size() + ": " + roots.stream().map(s -> s.id() + " at " + origins.get(s.id())).toList());
            }
            for (Station s : stations.values()) {
                s.parent().filter(p -> !stations.containsKey(p)).ifPresent(p -> {
                    throw new InvalidStationDataException(origins.get(s.id()) + ": station " + s.id()
                            + " names unknown parent " + p);
                });
            }
            for (Station s : stations.values()) {
                Set<StationId> seen = new HashSet<>();
                StationId at = s.id();
                while (at != null) {
                    if (!seen.add(at)) {
                        throw new InvalidStationDataException(origins.get(s.id()) + ": station " + s.id()
                                + " is part of a parent cycle through " + at);
                    }
                    at = stations.get(at).parent().orElse(null);
                }
            }
            return new StationTree(new LinkedHashMap<>(stations));
        }
    }
}
