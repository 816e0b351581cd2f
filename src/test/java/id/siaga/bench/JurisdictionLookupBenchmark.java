package id.siaga.bench;

import id.siaga.location.JurisdictionIndex;
import id.siaga.location.JurisdictionMatch;
import id.siaga.location.Jurisdictions;
import id.siaga.location.LocateDecision;
import id.siaga.location.NationalDataset;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The national jurisdiction index: what one lookup costs, what building the index costs, and what loading
 * the Indonesian reference data costs. Lookups go to points that fall inside a land polygon, drawn
 * uniformly over the country's bounding box with a fixed seed, so the figure is the INSIDE path a caller
 * on land takes (the NEAREST path for points offshore is not measured here). The data is read as
 * {@link NationalDataDirectory} says.
 *
 * <p>Goal: lookup p99 ≤ 10 µs (PostGIS takes ~14 µs per lookup inside the server on the reference machine).
 * Run with {@code bench/jmh.sh JurisdictionLookupBenchmark}.
 */
@Fork(1)
public class JurisdictionLookupBenchmark {

    /** Same as production's default: a point up to 20 km offshore goes to the nearest polygon. */
    static final double NEAREST_WITHIN_METERS = 20_000;
    static final int CANDIDATE_POINTS = 100_000;
    static final long SEED = 20261128L;

    /** The directory the dataset is read from; see {@link NationalDataDirectory} for the one switch. */
    @State(Scope.Benchmark)
    public static class DataDirectory {
        NationalDataDirectory directory;

        @Setup
        public void open() {
            directory = NationalDataDirectory.open();
        }

        @TearDown
        public void close() {
            directory.close();
        }
    }

    /** The dataset, read once per trial; the index-build benchmark starts from it. */
    @State(Scope.Benchmark)
    public static class Dataset {
        Jurisdictions jurisdictions;

        @Setup
        public void load(DataDirectory data) {
            jurisdictions = NationalDataset.read(data.directory.path());
        }
    }

    /**
     * A built index and the land points it is asked about; also, for diagnosis, an index over the Polres
     * polygons alone (a Polda polygon is the union of its Polres, so it never decides an INSIDE answer).
     */
    @State(Scope.Benchmark)
    public static class LandPoints {
        JurisdictionIndex index;
        JurisdictionIndex polresOnly;
        double[] latitudes;
        double[] longitudes;

        @Setup
        public void build(Dataset dataset) {
            Jurisdictions jurisdictions = dataset.jurisdictions;
            index = new JurisdictionIndex(jurisdictions, NEAREST_WITHIN_METERS);
            Map<StationId, Geometry> polres = new HashMap<>();
            jurisdictions.areas().forEach((id, area) -> {
                if (jurisdictions.tree().get(id).kind() == StationKind.POLRES) {
                    polres.put(id, area);
                }
            });
            polresOnly = new JurisdictionIndex(jurisdictions.tree(), polres, NEAREST_WITHIN_METERS);
            // Whether a point is INSIDE does not depend on the nearest-polygon distance, and an index
            // without it answers sea points at once instead of measuring distances to every coast.
            JurisdictionIndex insideOnly = new JurisdictionIndex(jurisdictions, 0);
            Envelope box = new Envelope();
            for (Geometry area : jurisdictions.areas().values()) {
                box.expandToInclude(area.getEnvelopeInternal());
            }
            SplittableRandom random = new SplittableRandom(SEED);
            double[] lat = new double[CANDIDATE_POINTS];
            double[] lon = new double[CANDIDATE_POINTS];
            int kept = 0;
            for (int i = 0; i < CANDIDATE_POINTS; i++) {
                double y = box.getMinY() + random.nextDouble() * box.getHeight();
                double x = box.getMinX() + random.nextDouble() * box.getWidth();
                if (insideOnly.locate(y, x).decision() == LocateDecision.INSIDE) {
                    lat[kept] = y;
                    lon[kept] = x;
                    kept++;
                }
            }
            latitudes = Arrays.copyOf(lat, kept);
            longitudes = Arrays.copyOf(lon, kept);
            int differ = 0;
            for (int i = 0; i < kept; i++) {
                JurisdictionMatch match = index.locate(latitudes[i], longitudes[i]);
                if (match.decision() != LocateDecision.INSIDE) {
                    throw new IllegalStateException("point " + latitudes[i] + "," + longitudes[i] + " is INSIDE only without nearest");
                }
                if (!match.station().equals(polresOnly.locate(latitudes[i], longitudes[i]).station())) {
                    differ++;
                }
            }
            System.out.printf(Locale.ROOT, "%n# %d of %d points over %s fall inside a land polygon (%d polygons);"
                    + " the Polres-only index answers %d of them differently%n", kept, CANDIDATE_POINTS, box, index.polygonCount(), differ);
            printCandidates(jurisdictions);
        }

        /** How many polygons' envelopes hold an average land point, and how big those polygons are. */
        private void printCandidates(Jurisdictions jurisdictions) {
            long polresHits = 0;
            long poldaHits = 0;
            long polresVertices = 0;
            long poldaVertices = 0;
            for (int i = 0; i < latitudes.length; i++) {
                for (Map.Entry<StationId, Geometry> e : jurisdictions.areas().entrySet()) {
                    if (e.getValue().getEnvelopeInternal().contains(longitudes[i], latitudes[i])) {
                        boolean polda = jurisdictions.tree().get(e.getKey()).kind() == StationKind.POLDA;
                        int vertices = e.getValue().getNumPoints();
                        if (polda) {
                            poldaHits++;
                            poldaVertices += vertices;
                        } else {
                            polresHits++;
                            polresVertices += vertices;
                        }
                    }
                }
            }
            int n = latitudes.length;
            System.out.printf(Locale.ROOT, "# per land point, envelopes holding it: %.2f Polres (%.0f vertices on average)"
                            + " and %.2f Polda (%.0f vertices on average)%n",
                    (double) polresHits / n, (double) polresVertices / Math.max(1, polresHits),
                    (double) poldaHits / n, (double) poldaVertices / Math.max(1, poldaHits));
        }
    }

    /** Each thread walks the points in its own order, wrapping around. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 10)
    public JurisdictionMatch locate(LandPoints points, Cursor cursor) {
        int i = cursor.next;
        cursor.next = i + 1 == points.latitudes.length ? 0 : i + 1;
        return points.index.locate(points.latitudes[i], points.longitudes[i]);
    }

    /**
     * Diagnosis, not a production path: the same points against an index without the Polda polygons.
     * The difference to {@link #locate} is what testing the large Polda unions costs.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 10)
    public JurisdictionMatch locatePolresOnly(LandPoints points, Cursor cursor) {
        int i = cursor.next;
        cursor.next = i + 1 == points.latitudes.length ? 0 : i + 1;
        return points.polresOnly.locate(points.latitudes[i], points.longitudes[i]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public JurisdictionIndex buildIndex(Dataset dataset) {
        return new JurisdictionIndex(dataset.jurisdictions, NEAREST_WITHIN_METERS);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public Jurisdictions loadDataset(DataDirectory data) {
        return NationalDataset.read(data.directory.path());
    }
}
