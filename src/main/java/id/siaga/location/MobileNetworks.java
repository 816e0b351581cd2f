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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The mobile networks by MCC and MNC, with the names an operator recognises ("Telkomsel", not "510-10"),
 * read from a CSV list such as the Indonesian reference data's {@code mcc_mnc_510.csv}
 * ({@code mcc,mnc,brand,operator_2023,status_2023,note}), read in place from the path configuration gives.
 * Networks that have closed (Esia, Flexi, BOLT!) stay in the list: an old SIM or a stale cell table may
 * still name them, and a name is better than a number even then.
 *
 * <p>It also knows the MNC length of each MCC it lists ({@link MncLengths}), which settles where the MNC
 * ends in a cell identity string; an MCC whose networks mix two- and three-digit MNCs has none.
 */
public final class MobileNetworks implements MncLengths {

    /** One network: the brand people know, the company that holds the licence, and whether it still runs. */
    public record Operator(MobileNetworkId network, String brand, String company, boolean operational) {
    }

    private final Map<MobileNetworkId, Operator> byNetwork;
    private final Map<String, Integer> mncDigits;

    private MobileNetworks(Map<MobileNetworkId, Operator> byNetwork, Map<String, Integer> mncDigits) {
        this.byNetwork = Map.copyOf(byNetwork);
        this.mncDigits = Map.copyOf(mncDigits);
    }

    /** Reads the list from a file; a malformed row fails naming the file and line. */
    public static MobileNetworks load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new InvalidStationDataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the list. Columns {@code mcc}, {@code mnc} and {@code brand} are required; {@code operator_2023}
     * (the company) and {@code status_2023} ("Operational" or not) are read when present.
     */
    public static MobileNetworks read(Reader reader, String source) {
        List<CsvRows.Row> rows = CsvRows.read(reader, source, "mcc", "mnc", "brand");
        Map<MobileNetworkId, Operator> byNetwork = new HashMap<>();
        Map<String, Integer> mncDigits = new HashMap<>();
        for (CsvRows.Row row : rows) {
            String mcc = row.required("mcc");
            String mnc = row.required("mnc");
            MobileNetworkId network = MobileNetworkId.of(mcc, mnc)
                    .orElseThrow(() -> row.problem("'" + mcc + "-" + mnc + "' is not an MCC (3 digits) and MNC (2 or 3 digits)"));
            Operator operator = new Operator(network, row.required("brand"), row.optional("operator_2023").orElse(""),
                    row.optional("status_2023").map(s -> s.equalsIgnoreCase("operational")).orElse(true));
            if (byNetwork.putIfAbsent(network, operator) != null) {
                throw row.problem("network " + network + " is listed twice");
            }
            // -1 marks an MCC whose MNCs come in both lengths: the length must then come from the string
            mncDigits.merge(mcc, mnc.length(), (a, b) -> a.equals(b) ? a : -1);
        }
        return new MobileNetworks(byNetwork, mncDigits);
    }

    public Optional<Operator> find(MobileNetworkId network) {
        return Optional.ofNullable(byNetwork.get(network));
    }

    /** The brand ("Telkomsel", "Indosat Ooredoo Hutchison"), when the network is listed. */
    public Optional<String> name(MobileNetworkId network) {
        return find(network).map(Operator::brand);
    }

    @Override
    public OptionalInt mncDigits(String mcc) {
        Integer digits = mncDigits.get(mcc);
        return digits == null || digits < 0 ? OptionalInt.empty() : OptionalInt.of(digits);
    }

    public int size() {
        return byNetwork.size();
    }
}
