package id.siaga.location;

import id.siaga.org.CsvRows;
import id.siaga.org.InvalidStationDataException;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed-line area codes to stations, configurable: the last resort for a call from a landline that carries
 * no location ({@code +62274512345} → {@code 0274} → Polda DIY). The longest configured prefix wins, so a
 * table may send {@code 021} to Polda Metro Jaya and {@code 0215} (Tangerang's exchanges) to the Polres
 * there. Indonesian mobile numbers ({@code +628…}) never match, whatever the table says: a mobile number
 * says nothing about where its owner is. Nor do foreign numbers.
 *
 * <p>The CSV has a header line {@code area_code,station,area}: the code as dialled nationally with its
 * leading 0 ({@code 0274}), the station id, which must exist in the station tree, and an optional human
 * name for logs and screens. Lines starting with '#' are comments. A bad row fails the load naming the
 * file and line. Immutable and safe for any number of threads.
 */
public final class AreaCodeTable {

    static final int MIN_CODE_DIGITS = 2; // 0 + at least one digit: 021
    static final int MAX_CODE_DIGITS = 5; // 0 + at most four digits

    private final Map<String, AreaCodeMatch> byCode;
    private final int longest;
    private final int shortest;

    private AreaCodeTable(Map<String, AreaCodeMatch> byCode) {
        this.byCode = Map.copyOf(byCode);
        this.longest = byCode.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.shortest = byCode.keySet().stream().mapToInt(String::length).min().orElse(0);
    }

    public static AreaCodeTable load(Path file, StationTree stations) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), stations);
        } catch (IOException e) {
            throw new InvalidStationDataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a table; every station it names must be in {@code stations}. */
    public static AreaCodeTable read(Reader reader, String source, StationTree stations) {
        List<CsvRows.Row> rows = CsvRows.read(reader, source, "area_code", "station");
        Map<String, AreaCodeMatch> byCode = new HashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        for (CsvRows.Row row : rows) {
            String code = row.required("area_code");
            if (!AmlValues.digits(code, MIN_CODE_DIGITS, MAX_CODE_DIGITS) || code.charAt(0) != '0') {
                throw row.problem("area code '" + code + "' is not 0 followed by 1 to 4 digits (as dialled nationally: 0274)");
            }
            if (code.charAt(1) == '8') {
                throw row.problem("'" + code + "' is a mobile prefix, not an area code: mobile numbers say nothing about where the caller is");
            }
            if (code.charAt(1) == '0') {
                throw row.problem("'" + code + "' is an international prefix, not an area code");
            }
            StationId station = StationId.of(row.required("station"));
            if (!stations.contains(station)) {
                throw row.problem("area code " + code + " names unknown station " + station);
            }
            String earlier = firstSeen.putIfAbsent(code, row.where());
            if (earlier != null) {
                throw row.problem("area code " + code + " is listed twice (first at " + earlier + ")");
            }
            byCode.put(code, new AreaCodeMatch(code, station, row.optional("area").orElse("")));
        }
        return new AreaCodeTable(byCode);
    }

    /**
     * The station for a caller's number in any common form ({@code +62274…}, {@code 0274…},
     * {@code tel:+62274…}), by the longest configured area code it starts with; empty for mobile, foreign,
     * short or unparseable numbers and for codes the table does not list.
     */
    public Optional<AreaCodeMatch> lookup(String callerNumber) {
        Optional<String> normalized = IndonesianNumbers.normalize(callerNumber);
        if (normalized.isEmpty() || !normalized.get().startsWith("+62") || IndonesianNumbers.isMobile(normalized.get())) {
            return Optional.empty();
        }
        String national = "0" + normalized.get().substring(3);
        // a code is followed by a subscriber number: "0274" alone is not a call from DIY
        for (int length = Math.min(longest, national.length() - 1); length >= shortest && length > 0; length--) {
            AreaCodeMatch match = byCode.get(national.substring(0, length));
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return byCode.size();
    }
}
