package id.siaga.org;

import java.io.Reader;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operator position, by station. Read from an operators file
 * ({@code id,name,station,username}) whose stations must exist in the tree.
 */
public final class OperatorRoster {

    private final Map<OperatorId, Operator> operators;
    private final Map<StationId, List<Operator>> byStation;
    private final Map<String, Operator> byUsername;

    public OperatorRoster(Collection<Operator> operators) {
        Map<OperatorId, Operator> all = new LinkedHashMap<>();
        Map<StationId, List<Operator>> grouped = new HashMap<>();
        Map<String, Operator> names = new HashMap<>();
        for (Operator o : operators) {
            all.put(o.id(), o);
            grouped.computeIfAbsent(o.station(), s -> new java.util.ArrayList<>()).add(o);
            names.put(o.username(), o);
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        this.operators = java.util.Collections.unmodifiableMap(all);
        this.byStation = grouped;
        this.byUsername = names;
    }

    public static OperatorRoster read(Reader reader, String source, StationTree tree) {
        Map<OperatorId, String> seen = new HashMap<>();
        List<Operator> list = new java.util.ArrayList<>();
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
        return new OperatorRoster(list);
    }

    public Collection<Operator> all() {
        return operators.values();
    }

    public Optional<Operator> find(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    public Optional<Operator> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public List<Operator> atStation(StationId station) {
        return byStation.getOrDefault(station, List.of());
    }
}
