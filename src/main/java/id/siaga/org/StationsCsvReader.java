package id.siaga.org;

import java.io.Reader;

/**
 * Reads a stations file: {@code id,name,kind,parent,status,hq_lat,hq_lon,time_zone}, one answering point per
 * line, the root (Mabes) with an empty parent. Any depth is allowed.
 */
public final class StationsCsvReader {

    static final String[] COLUMNS = {"id", "name", "kind", "parent", "status", "hq_lat", "hq_lon", "time_zone"};

    private StationsCsvReader() {
    }

    public static StationTree read(Reader reader, String source) {
        StationTree.Builder builder = StationTree.builder();
        for (CsvRows.Row row : CsvRows.read(reader, source, COLUMNS)) {
            builder.add(toStation(row), row.where());
        }
        return builder.build();
    }

    private static Station toStation(CsvRows.Row row) {
        try {
            StationId id = StationId.of(row.required("id"));
            StationId parent = row.optional("parent").map(StationId::of).orElse(null);
            GeoPoint hq = new GeoPoint(row.requiredDouble("hq_lat"), row.requiredDouble("hq_lon"));
            return new Station(id, row.required("name"), row.requiredEnum("kind", StationKind.class), parent,
                    row.requiredEnum("status", RolloutStatus.class), hq,
                    row.requiredEnum("time_zone", StationTimeZone.class));
        } catch (IllegalArgumentException e) {
            throw row.problem(e.getMessage());
        }
    }
}
