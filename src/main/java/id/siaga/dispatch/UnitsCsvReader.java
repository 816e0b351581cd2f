package id.siaga.dispatch;

import id.siaga.org.CsvRows;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a units file: {@code id,call_sign,kind,station,devices,members}, devices and members
 * space-separated. A unit of an unknown station, or a device listed twice, fails start-up naming the line.
 */
public final class UnitsCsvReader {

    static final String[] COLUMNS = {"id", "call_sign", "kind", "station", "devices", "members"};

    private UnitsCsvReader() {
    }

    public static List<Unit> read(Reader reader, String source, StationTree stations) {
        List<Unit> units = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(reader, source, COLUMNS)) {
            try {
                StationId station = StationId.of(row.required("station"));
                if (!stations.contains(station)) {
                    throw new IllegalArgumentException("unknown station " + station);
                }
                units.add(new Unit(row.required("id"), row.required("call_sign"), row.requiredEnum("kind", UnitKind.class), station,
                        words(row.optional("devices").orElse("")), words(row.optional("members").orElse(""))));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
        }
        try {
            return UnitRoster.checked(units);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
