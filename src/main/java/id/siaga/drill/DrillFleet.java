package id.siaga.drill;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.Unit;
import id.siaga.dispatch.UnitKind;
import id.siaga.dispatch.UnitStatus;
import id.siaga.dispatch.UnitView;
import id.siaga.location.Geodesy;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationTree;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill's vehicles and foot patrols: every few seconds each one moves (patrolling within a few kilometres of its
 * station, or driving straight to the incident it was sent to) and reports its position through the real OsmAnd
 * door, as a tracker in the car would.
 */
public final class DrillFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DrillFleet.class);
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final double PATROL_RADIUS_METERS = 4_000;

    private final DispatchDesk desk;
    private final StationTree stations;
    private final List<Unit> units;
    private final URI osmAnd;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, double[]> where = new ConcurrentHashMap<>();
    private final Map<String, Double> heading = new ConcurrentHashMap<>();
    private final Random random = new Random();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drill-fleet");
        t.setDaemon(true);
        return t;
    });

    DrillFleet(DispatchDesk desk, StationTree stations, List<Unit> units, String osmAndAddress, int osmAndPort) {
        this.desk = desk;
        this.stations = stations;
        this.units = List.copyOf(units);
        this.osmAnd = URI.create("http://" + osmAndAddress + ":" + osmAndPort + "/");
    }

    void start() {
        for (Unit u : units) {
            GeoPoint hq = stations.get(u.station()).headquarters();
            double[] start = offset(hq.latitude(), hq.longitude(), random.nextDouble() * 2_500, random.nextDouble() * 360);
            where.put(u.id(), start);
            heading.put(u.id(), random.nextDouble() * 360);
        }
        timer.scheduleWithFixedDelay(this::step, 1_000, STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void step() {
        for (Unit u : units) {
            try {
                move(u);
            } catch (RuntimeException e) {
                log.debug("drill unit {} did not move: {}", u.id(), e.toString());
            }
        }
    }

    private void move(Unit u) {
        UnitView view = desk.unitView(u.id()).orElseThrow();
        double[] at = where.get(u.id());
        double speed = speedMetersPerSecond(u.kind());
        UnitStatus status = view.dutyStatus();
        Optional<GeoPoint> target = status == UnitStatus.DISPATCHED || status == UnitStatus.EN_ROUTE
                ? desk.activeOf(u.id()).flatMap(a -> desk.incidentLocation(a.incident())) : Optional.empty();
        double bearing;
        double meters;
        if (status == UnitStatus.ON_SCENE || status == UnitStatus.OUT_OF_SERVICE) {
            meters = 0;
            bearing = heading.get(u.id());
        } else if (target.isPresent()) {
            double left = Geodesy.distanceMeters(at[0], at[1], target.get().latitude(), target.get().longitude());
            bearing = bearing(at[0], at[1], target.get().latitude(), target.get().longitude());
            // the drill drives at its speed only once the crew has set off; until then it is getting ready
            meters = status == UnitStatus.EN_ROUTE ? Math.min(left - 20, speed * STEP.toSeconds()) : 0;
        } else {
            GeoPoint hq = stations.get(u.station()).headquarters();
            bearing = heading.get(u.id()) + (random.nextDouble() - 0.5) * 60;
            if (Geodesy.distanceMeters(at[0], at[1], hq.latitude(), hq.longitude()) > PATROL_RADIUS_METERS) {
                bearing = bearing(at[0], at[1], hq.latitude(), hq.longitude());
            }
            meters = speed * 0.5 * STEP.toSeconds();
        }
        heading.put(u.id(), (bearing + 360) % 360);
        double[] next = meters > 0 ? offset(at[0], at[1], meters, bearing) : at;
        where.put(u.id(), next);
        report(u, next, meters / STEP.toSeconds(), bearing);
    }

    private void report(Unit u, double[] at, double metersPerSecond, double bearing) {
        if (u.devices().isEmpty()) {
            return;
        }
        String query = "?id=" + u.devices().get(0) + "&lat=" + String.format("%.6f", at[0]) + "&lon=" + String.format("%.6f", at[1])
                + "&timestamp=" + Instant.now().getEpochSecond() + "&speed=" + String.format("%.1f", metersPerSecond / 0.514444)
                + "&bearing=" + Math.round((bearing + 360) % 360) + "&accuracy=8&batt=" + (60 + random.nextInt(40));
        http.sendAsync(HttpRequest.newBuilder(osmAnd.resolve(query)).timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenAccept(r -> {
                    if (r.statusCode() != 200) {
                        log.debug("drill unit {}: OsmAnd door answered {}", u.id(), r.statusCode());
                    }
                });
    }

    private static double speedMetersPerSecond(UnitKind kind) {
        return switch (kind) {
            case PATROL_CAR -> 11;
            case MOTORBIKE -> 10;
            case FOOT -> 1.4;
        };
    }

    static double[] offset(double lat, double lon, double meters, double bearingDegrees) {
        double b = Math.toRadians(bearingDegrees);
        double dLat = meters * Math.cos(b) / Geodesy.METERS_PER_DEGREE;
        double dLon = meters * Math.sin(b) / (Geodesy.METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        return new double[] {lat + dLat, lon + dLon};
    }

    static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double dy = lat2 - lat1;
        double dx = (lon2 - lon1) * Math.cos(Math.toRadians(lat1));
        return Math.toDegrees(Math.atan2(dx, dy));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
