package id.siaga.location;

import id.siaga.org.CsvRows;
import id.siaga.org.InvalidStationDataException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each cell's antenna stands and how far it reaches, in memory: a {@link CellIdentity} from
 * P-Access-Network-Info becomes a {@link LocationFix} (source {@link LocationSource#CELL_ID}, uncertainty =
 * the cell's range, method "Cell", no timestamp: the table says where the cell is, not when the caller was
 * there). A caller may be anywhere within the range, and a cell near a boundary covers two jurisdictions;
 * the uncertainty says so, and the resolver prefers a handset's own fix when it has one.
 *
 * <p>The CSV has a header line and the columns of OpenCelliD's {@code cell_towers.csv}, so an export
 * filtered to MCC 510 loads as it is (other columns are ignored): {@code radio} (GSM, UMTS, LTE, NR),
 * {@code mcc}, {@code net} (the MNC as a number: OpenCelliD writes Indosat's 01 as 1, so MNCs compare by
 * value), {@code area} (LAC or TAC), {@code cell} (CI, UTRAN cell id, ECI or NCI), all decimal; {@code lon},
 * {@code lat} in WGS84; {@code range} in metres. Lines starting with '#' are comments. Any bad row fails
 * the load naming the file and line: a table that silently lost a cell would route its callers to the
 * fallback without anyone knowing why. Immutable and safe for any number of threads.
 */
public final class CellTable {

    /** The method word of every cell fix, as PIDF-LO writes it for a cell-based position. */
    public static final String METHOD = "Cell";
    /** Extended-range GSM reaches about 100 km; a larger range is a data error, not a cell. */
    static final double MAX_RANGE_METERS = 100_000;
    static final String[] COLUMNS = {"radio", "mcc", "net", "area", "cell", "lon", "lat", "range"};

    /** A cell's key: the MNC by value, as OpenCelliD writes it. */
    private record Key(RadioType radio, int mcc, int mnc, int area, long cell) {
    }

    private final Map<Key, LocationFix> cells;

    private CellTable(Map<Key, LocationFix> cells) {
        this.cells = Map.copyOf(cells);
    }

    public static CellTable load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new InvalidStationDataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a cell table; {@code source} names it in error messages ("cells.csv line 12: …"). */
    public static CellTable read(Reader reader, String source) {
        List<CsvRows.Row> rows = CsvRows.read(reader, source, COLUMNS);
        Map<Key, LocationFix> cells = new HashMap<>();
        Map<Key, String> firstSeen = new HashMap<>();
        for (CsvRows.Row row : rows) {
            RadioType radio = radio(row);
            int mcc = (int) number(row, "mcc", 999);
            int mnc = (int) number(row, "net", 999);
            int area = (int) number(row, "area", radio.maxAreaCode());
            long cell = number(row, "cell", radio.maxCellId());
            double latitude = row.requiredDouble("lat");
            double longitude = row.requiredDouble("lon");
            double range = row.requiredDouble("range");
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
                throw row.problem("lat/lon " + latitude + ", " + longitude + " is not a WGS84 position");
            }
            if (!(range > 0 && range <= MAX_RANGE_METERS)) {
                throw row.problem("range " + row.required("range") + " is not a cell's reach in metres (above 0, at most "
                        + (long) MAX_RANGE_METERS + ")");
            }
            Key key = new Key(radio, mcc, mnc, area, cell);
            String earlier = firstSeen.putIfAbsent(key, row.where());
            if (earlier != null) {
                throw row.problem(radio + " cell " + mcc + "-" + mnc + " " + radio.areaName() + " " + area + " " + radio.cellName() + " "
                        + cell + " is listed twice (first at " + earlier + ")");
            }
            cells.put(key, new LocationFix(latitude, longitude, range, LocationSource.CELL_ID, METHOD, Optional.empty()));
        }
        return new CellTable(cells);
    }

    /** Where the cell is, when the table knows it. */
    public Optional<LocationFix> locate(CellIdentity cell) {
        MobileNetworkId network = cell.network();
        Key key = new Key(cell.radio(), Integer.parseInt(network.mcc()), Integer.parseInt(network.mnc()), cell.areaCode(), cell.cellId());
        return Optional.ofNullable(cells.get(key));
    }

    public int size() {
        return cells.size();
    }

    private static RadioType radio(CsvRows.Row row) {
        String radio = row.required("radio");
        return switch (radio.toUpperCase(Locale.ROOT)) {
            case "GSM" -> RadioType.GSM;
            case "UMTS" -> RadioType.UMTS;
            case "LTE" -> RadioType.LTE;
            case "NR" -> RadioType.NR;
            default -> throw row.problem("radio '" + radio + "' is not GSM, UMTS, LTE or NR");
        };
    }

    /** A decimal whole number within 0..max. */
    private static long number(CsvRows.Row row, String column, long max) {
        String value = row.required(column);
        if (!AmlValues.digits(value, 1, 12) || Long.parseLong(value) > max) {
            throw row.problem("column '" + column + "' is '" + value + "', not a whole number within 0.." + max);
        }
        return Long.parseLong(value);
    }
}
