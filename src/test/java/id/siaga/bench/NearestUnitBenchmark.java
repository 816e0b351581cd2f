package id.siaga.bench;

import id.siaga.dispatch.NearestUnitIndex;
import id.siaga.dispatch.UnitKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

/**
 * "The 5 nearest available units to this incident" among 100,000 units spread over Indonesia by population
 * (around each kab/kota's centroid), while a second thread moves 20,000 of them per second — once against
 * dispatch's {@link NearestUnitIndex}, once against Redis GEOSEARCH (127.0.0.1:6379) with the same units,
 * the same moves (pipelined GEOADD) and the same query (BYRADIUS ASC COUNT 5). Sample time gives the
 * percentiles: {@code bench/jmh.sh NearestUnitBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class NearestUnitBenchmark {

    static final String KEY = "siaga:bench:units";

    @State(Scope.Benchmark)
    public static class Fleet {
        @Param({"index", "redis"})
        String store;
        @Param({"100000"})
        int units;
        @Param({"20000"})
        int updatesPerSecond;
        @Param({"50"})
        double radiusKm;
        /** The index's fine cell (dispatch's {@code siaga.dispatch.grid-cell}); Redis ignores it. */
        @Param({"0.015"})
        double cellDegrees;

        double[][] places;
        double[] lat;
        double[] lon;
        NearestUnitIndex index;
        Thread mover;
        volatile boolean moving;
        final AtomicLong moved = new AtomicLong();
        long movedAtStart;
        long startedNanos;

        @Setup(Level.Trial)
        public void spread() throws IOException {
            places = populatedPlaces();
            SplittableRandom random = new SplittableRandom(110);
            lat = new double[units];
            lon = new double[units];
            for (int i = 0; i < units; i++) {
                double[] p = pick(places, random);
                lat[i] = p[0];
                lon[i] = p[1];
            }
            Instant now = Instant.now();
            if (store.equals("index")) {
                index = new NearestUnitIndex(cellDegrees);
                for (int i = 0; i < units; i++) {
                    index.put(new NearestUnitIndex.Located("U" + i, UnitKind.PATROL_CAR, lat[i], lon[i], now));
                }
            } else {
                try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                    jedis.del(KEY);
                    Pipeline p = jedis.pipelined();
                    for (int i = 0; i < units; i++) {
                        p.geoadd(KEY, lon[i], lat[i], "U" + i);
                    }
                    p.sync();
                }
            }
            moving = true;
            mover = new Thread(this::move, "gps-mover");
            mover.setDaemon(true);
            mover.start();
            movedAtStart = moved.get();
            startedNanos = System.nanoTime();
        }

        /** Moves {@code updatesPerSecond} units a few hundred metres, in batches every 10 ms. */
        void move() {
            SplittableRandom random = new SplittableRandom(62);
            int perBatch = Math.max(1, updatesPerSecond / 100);
            long next = System.nanoTime();
            try (Jedis jedis = store.equals("redis") ? new Jedis("127.0.0.1", 6379) : null) {
                while (moving) {
                    Pipeline p = jedis == null ? null : jedis.pipelined();
                    Instant now = Instant.now();
                    for (int n = 0; n < perBatch; n++) {
                        int i = random.nextInt(units);
                        lat[i] += (random.nextDouble() - 0.5) * 0.004;
                        lon[i] += (random.nextDouble() - 0.5) * 0.004;
                        if (p == null) {
                            index.put(new NearestUnitIndex.Located("U" + i, UnitKind.PATROL_CAR, lat[i], lon[i], now));
                        } else {
                            p.geoadd(KEY, lon[i], lat[i], "U" + i);
                        }
                    }
                    if (p != null) {
                        p.sync();
                    }
                    moved.addAndGet(perBatch);
                    next += 10_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            moving = false;
            mover.join();
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            System.out.printf("%n[%s] moves applied: %.0f per second (asked %d)%n", store, (moved.get() - movedAtStart) / seconds, updatesPerSecond);
            if (store.equals("redis")) {
                try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                    jedis.del(KEY);
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class Incidents {
        SplittableRandom random = new SplittableRandom(7);
        Jedis jedis;

        @Setup(Level.Trial)
        public void connect(Fleet fleet) {
            if (fleet.store.equals("redis")) {
                jedis = new Jedis("127.0.0.1", 6379);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            if (jedis != null) {
                jedis.close();
            }
        }
    }

    @Benchmark
    public Object nearest5(Fleet fleet, Incidents incidents) {
        double[] at = pick(fleet.places, incidents.random);
        if (incidents.jedis == null) {
            return fleet.index.nearest(at[0], at[1], 5, fleet.radiusKm * 1000, null);
        }
        List<GeoRadiusResponse> found = incidents.jedis.geosearch(KEY, new GeoSearchParam().fromLonLat(at[1], at[0])
                .byRadius(fleet.radiusKm, GeoUnit.KM).asc().count(5).withDist());
        return found;
    }

    /** Kab/kota centroids with their population and area: {lat, lon, cumulative population, spread in degrees}. */
    static double[][] populatedPlaces() throws IOException {
        List<double[]> places = new ArrayList<>();
        double cumulative = 0;
        try (NationalDataDirectory data = NationalDataDirectory.open()) {
            List<String> lines = Files.readAllLines(data.path().resolve("idn_kabkota_centroids.csv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                double population = Double.parseDouble(c[7]);
                double areaKm2 = Double.parseDouble(c[8]);
                cumulative += population;
                // most units patrol the built-up core: a quarter of the area's width around the centroid
                places.add(new double[] {Double.parseDouble(c[5]), Double.parseDouble(c[6]), cumulative, Math.sqrt(areaKm2) / 4 / 111.0});
            }
        }
        return places.toArray(new double[0][]);
    }

    static double[] pick(double[][] places, SplittableRandom random) {
        double total = places[places.length - 1][2];
        double r = random.nextDouble() * total;
        int lo = 0;
        int hi = places.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (places[mid][2] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double[] p = places[lo];
        return new double[] {p[0] + gaussian(random) * p[3], p[1] + gaussian(random) * p[3]};
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
