package id.siaga.location;

import id.siaga.org.CsvRows;
import id.siaga.org.GeoPoint;
import id.siaga.org.InvalidStationDataException;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the national organisation from the Indonesian reference data, read in place: Mabes Polri, the
 * 36 Polda of {@code polda_list.csv}, and one Polres per kabupaten/kota of
 * {@code idn_kabkota_cahyadsn.geojson} under the Polda that {@code kabkota_to_polda.csv} names. No open
 * dataset of Polres boundaries exists, so a Polres covers its kab/kota and sits at its centroid; a Polda
 * covers the union of its Polres. The simplified boundaries contain a few invalid rings; they are repaired.
 */
public final class NationalDataset {

    public static final StationId MABES = StationId.of("MABES");
    /** Mabes Polri, Jl. Trunojoyo 3, Kebayoran Baru, Jakarta Selatan. */
    private static final GeoPoint MABES_HQ = new GeoPoint(-6.2409, 106.7983);
    private static final Set<String> WITA_PROVINCES = Set.of("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76");

    private NationalDataset() {
    }

    public static StationId poldaId(String poldaCode) {
        return StationId.of("POLDA-" + poldaCode);
    }

    /** {@code 34.71} (Kemendagri code of Kota Yogyakarta) → {@code POLRES-3471}. */
    public static StationId polresId(String kabkotaCode) {
        return StationId.of("POLRES-" + kabkotaCode.replace(".", ""));
    }

    public static Jurisdictions read(Path directory) {
        Path poldaFile = directory.resolve("polda_list.csv");
        Path mappingFile = directory.resolve("kabkota_to_polda.csv");
        Path boundaryFile = directory.resolve("idn_kabkota_cahyadsn.geojson");
        StationTree.Builder tree = StationTree.builder();
        tree.add(new Station(MABES, "Mabes Polri", StationKind.MABES, null, RolloutStatus.LIVE, MABES_HQ, StationTimeZone.WIB),
                "national dataset root");

        Map<String, String> poldaProvince = new HashMap<>();
        for (CsvRows.Row row : rows(poldaFile, "polda_id", "nama", "hq_lat_centroid", "hq_lng_centroid", "wilayah_kode_prov")) {
            String code = row.required("polda_id");
            String province = row.required("wilayah_kode_prov").substring(0, 2);
            poldaProvince.put(code, province);
            tree.add(new Station(poldaId(code), row.required("nama"), StationKind.POLDA, MABES, RolloutStatus.LIVE,
                    point(row, "hq_lat_centroid", "hq_lng_centroid"), timeZone(province)), row.where());
        }

        Map<String, CsvRows.Row> mapping = new LinkedHashMap<>();
        for (CsvRows.Row row : rows(mappingFile, "kode", "nama", "kode_prov", "polda_id")) {
            if (!poldaProvince.containsKey(row.required("polda_id"))) {
                throw row.problem("names unknown Polda '" + row.required("polda_id") + "'");
            }
            if (mapping.put(row.required("kode"), row) != null) {
                throw row.problem("kab/kota " + row.required("kode") + " is mapped twice");
            }
        }

        Map<String, double[]> centroids = new HashMap<>();
        Map<StationId, Geometry> areas;
        try (Reader r = Files.newBufferedReader(boundaryFile, StandardCharsets.UTF_8)) {
            areas = new LinkedHashMap<>(JurisdictionGeoJson.read(r, boundaryFile.toString(), "kode", NationalDataset::polresId,
                    JurisdictionGeoJson.InvalidGeometry.REPAIR));
        } catch (IOException e) {
            throw new InvalidStationDataException(boundaryFile + ": cannot read: " + e.getMessage(), e);
        }
        readCentroids(boundaryFile, centroids);

        Map<StationId, List<Geometry>> poldaParts = new HashMap<>();
        for (CsvRows.Row row : mapping.values()) {
            String kode = row.required("kode");
            StationId polres = polresId(kode);
            Geometry area = areas.get(polres);
            if (area == null) {
                throw row.problem("kab/kota " + kode + " has no boundary in " + boundaryFile.getFileName());
            }
            double[] c = centroids.get(kode);
            if (c == null) {
                throw row.problem("kab/kota " + kode + " has no centroid in idn_kabkota_centroids.csv");
            }
            String province = row.required("kode_prov");
            StationId polda = poldaId(row.required("polda_id"));
            tree.add(new Station(polres, "Polres " + shortName(row.required("nama")), StationKind.POLRES, polda,
                    RolloutStatus.LIVE, new GeoPoint(c[0], c[1]), timeZone(province)), row.where());
            poldaParts.computeIfAbsent(polda, p -> new ArrayList<>()).add(area);
        }
        Set<StationId> mapped = new java.util.HashSet<>();
        mapping.keySet().forEach(kode -> mapped.add(polresId(kode)));
        for (StationId polres : areas.keySet()) {
            if (!mapped.contains(polres)) {
                throw new InvalidStationDataException(boundaryFile + ": " + polres + " is not in " + mappingFile.getFileName());
            }
        }
        poldaParts.forEach((polda, parts) -> areas.put(polda, UnaryUnionOp.union(parts)));
        StationTree built = tree.build();
        for (Station s : built.all()) {
            if (s.kind() == StationKind.POLDA && !areas.containsKey(s.id())) {
                throw new InvalidStationDataException(poldaFile + ": " + s.id() + " covers no kab/kota in " + mappingFile.getFileName());
            }
        }
        return new Jurisdictions(built, areas);
    }

    /** "Kabupaten Sleman" → "Sleman"; "Kota Yogyakarta" stays, as Polri names its city Polres. */
    static String shortName(String kabkota) {
        return kabkota.startsWith("Kabupaten ") ? kabkota.substring("Kabupaten ".length()) : kabkota;
    }

    private static StationTimeZone timeZone(String province) {
        if (province.startsWith("8") || province.startsWith("9")) {
            return StationTimeZone.WIT;
        }
        return WITA_PROVINCES.contains(province) ? StationTimeZone.WITA : StationTimeZone.WIB;
    }

    private static GeoPoint point(CsvRows.Row row, String lat, String lon) {
        try {
            return new GeoPoint(row.requiredDouble(lat), row.requiredDouble(lon));
        } catch (IllegalArgumentException e) {
            throw row.problem(e.getMessage());
        }
    }

    private static List<CsvRows.Row> rows(Path file, String... columns) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CsvRows.read(r, file.toString(), columns);
        } catch (IOException e) {
            throw new InvalidStationDataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void readCentroids(Path boundaryFile, Map<String, double[]> into) {
        Path centroidFile = boundaryFile.resolveSibling("idn_kabkota_centroids.csv");
        for (CsvRows.Row row : rows(centroidFile, "kode", "lat", "lng")) {
            into.put(row.required("kode"), new double[] {row.requiredDouble("lat"), row.requiredDouble("lng")});
        }
    }
}
