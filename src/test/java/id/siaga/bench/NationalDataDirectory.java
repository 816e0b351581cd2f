package id.siaga.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Where the benchmarks read the Indonesian reference data: {@code -Dsiaga.national-data}, by default
 * {@code ../shared/data/indonesia} from the project root, read in place.
 *
 * <p>With {@code -Dsiaga.bench.drop-degenerate-rings=true} the benchmarks instead read a copy of the
 * kab/kota GeoJSON in a temporary directory (outside the project, deleted afterwards) from which rings
 * of fewer than four positions are dropped; the CSV files are symbolic links to the originals. The
 * published boundaries contain ten such zero-area holes (feature {@code 96.01}, Kab. Sorong), which
 * {@code JurisdictionGeoJson} rejects even in REPAIR mode, so {@code NationalDataset.read} cannot load the
 * data as published. The switch exists only to measure the rest of the pipeline until the loader copes;
 * the figures it produces must say they were taken with it.
 */
final class NationalDataDirectory implements AutoCloseable {

    static final String DROP_DEGENERATE_RINGS = "siaga.bench.drop-degenerate-rings";
    private static final String BOUNDARIES = "idn_kabkota_cahyadsn.geojson";
    private static final List<String> TABLES = List.of("polda_list.csv", "kabkota_to_polda.csv", "idn_kabkota_centroids.csv");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path path;
    private final Path temporary;

    private NationalDataDirectory(Path path, Path temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static NationalDataDirectory open() {
        Path published = Path.of(System.getProperty("siaga.national-data", "../shared/data/indonesia")).toAbsolutePath().normalize();
        if (!Boolean.getBoolean(DROP_DEGENERATE_RINGS)) {
            return new NationalDataDirectory(published, null);
        }
        try {
            Path copy = Files.createTempDirectory("siaga-bench-national-");
            int dropped = copyWithoutDegenerateRings(published.resolve(BOUNDARIES), copy.resolve(BOUNDARIES));
            for (String table : TABLES) {
                Files.createSymbolicLink(copy.resolve(table), published.resolve(table));
            }
            System.out.printf("%n# %s=true: reading %s with %d degenerate ring(s) dropped, from %s%n",
                    DROP_DEGENERATE_RINGS, BOUNDARIES, dropped, copy);
            return new NationalDataDirectory(copy, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the national data copy", e);
        }
    }

    Path path() {
        return path;
    }

    /** Drops holes of fewer than 4 positions, and polygons whose shell is that short. Returns how many rings went. */
    private static int copyWithoutDegenerateRings(Path from, Path to) throws IOException {
        JsonNode root;
        try (Reader r = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
            root = JSON.readTree(r);
        }
        int dropped = 0;
        for (JsonNode feature : root.path("features")) {
            JsonNode geometry = feature.path("geometry");
            ArrayNode coordinates = (ArrayNode) geometry.path("coordinates");
            if ("Polygon".equals(geometry.path("type").asString(""))) {
                dropped += dropShortRings(coordinates);
            } else {
                for (int p = coordinates.size() - 1; p >= 0; p--) {
                    ArrayNode polygon = (ArrayNode) coordinates.get(p);
                    if (polygon.get(0).size() < 4) {
                        dropped += polygon.size();
                        coordinates.remove(p);
                    } else {
                        dropped += dropShortRings(polygon);
                    }
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            JSON.writeValue(w, root);
        }
        return dropped;
    }

    private static int dropShortRings(ArrayNode rings) {
        int dropped = 0;
        for (int i = rings.size() - 1; i >= 1; i--) {
            if (rings.get(i).size() < 4) {
                rings.remove(i);
                dropped++;
            }
        }
        return dropped;
    }

    @Override
    public void close() {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporary)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + temporary, e);
        }
    }
}
