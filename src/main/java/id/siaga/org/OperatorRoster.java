package id.siaga.org;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every position that can be rung, by station: the enabled positions of the database (or of an operators file,
 * {@code id,name,station,username}, whose stations must exist in the tree). Live: {@link #replace} swaps the whole
 * roster at once when a position is added, renamed, seated or disabled, and every read sees one roster, the old or the
 * new, never a mix. Thread-safe.
 */
public final class OperatorRoster {

    /** One roster, indexed three ways, never changed once built. */
    private record Snapshot(Map<OperatorId, Operator> operators, Map<StationId, List<Operator>> byStation, Map<String, Operator> byUsername) {

        static Snapshot of(Collection<Operator> operators) {
            Map<OperatorId, Operator> all = new LinkedHashMap<>();
            Map<StationId, List<Operator>> grouped = new HashMap<>();
            Map<String, Operator> names = new HashMap<>();
            for (Operator o : operators) {
                all.put(o.id(), o);
                grouped.computeIfAbsent(o.station(), s -> new ArrayList<>()).add(o);
                o.username().ifPresent(u -> names.put(u, o));
            }
            grouped.replaceAll((k, v) -> List.copyOf(v));
            return new Snapshot(Collections.unmodifiableMap(all), Map.copyOf(grouped), Map.copyOf(names));
        }
    }

    private volatile Snapshot snapshot;

    public OperatorRoster(Collection<Operator> operators) {
        this.snapshot = Snapshot.of(operators);
    }

    public static OperatorRoster read(Reader reader, String source, StationTree tree) {
        return new OperatorRoster(readFile(reader, source, tree));
    }

    /** The positions of an operators file, checked against the tree, in file order. */
    public static List<Operator> readFile(Reader reader, String source, StationTree tree) {
        Map<OperatorId, String> seen = new HashMap<>();
        List<Operator> list = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(reader, source, "id", "name", "station", "username")) {
            Operator op;
            try {
                op = new Operator(new OperatorId(row.required("id")), row.required("name"),
                        StationId.of(row.required("station")), row.required("username"));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
            if (!tree.contains(op.station())) {
                throw row.problem("operator " + op.id() + " belongs to unknown station " + op.station());
            }
            String earlier = seen.putIfAbsent(op.id(), row.where());
            if (earlier != null) {
                throw row.problem("duplicate operator id " + op.id() + " (first at " + earlier + ")");
            }
            list.add(op);
        }
        return list;
    }

    /** From now on the roster is these positions. */
    public void replace(Collection<Operator> operators) {
        snapshot = Snapshot.of(operators);
    }

    public Collection<Operator> all() {
        return snapshot.operators().values();
    }

    public Optional<Operator> find(OperatorId id) {
        return Optional.ofNullable(snapshot.operators().get(id));
    }

    /** The position this login is seated at. */
    public Optional<Operator> byUsername(String username) {
        return Optional.ofNullable(snapshot.byUsername().get(username));
    }

    public List<Operator> atStation(StationId station) {
        return snapshot.byStation().getOrDefault(station, List.of());
    }
}
