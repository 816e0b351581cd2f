package id.siaga.dispatch;

import id.siaga.org.GeoPoint;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * ETA = straight-line distance × road factor ÷ the unit kind's typical speed. The road factor (about 1.3-1.5 in
 * Indonesian cities) turns crow-flies distance into road distance; the speeds are emergency-driving averages
 * in mixed traffic, where a motorbike beats a car.
 */
public final class StraightLineEta implements EtaEstimator {

    private final double roadFactor;
    private final Map<UnitKind, Double> metersPerSecond;

    public StraightLineEta(double roadFactor, Map<UnitKind, Double> kilometersPerHour) {
        if (!(roadFactor >= 1 && roadFactor <= 5)) {
            throw new IllegalArgumentException("road factor must be within 1..5, got " + roadFactor);
        }
        this.roadFactor = roadFactor;
        this.metersPerSecond = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            Double kmh = kilometersPerHour.get(kind);
            if (kmh == null || !(kmh > 0)) {
                throw new IllegalArgumentException("no positive speed for " + kind);
            }
            metersPerSecond.put(kind, kmh / 3.6);
        }
    }

    /** Road factor 1.4; patrol car 30 km/h, motorbike 35 km/h, on foot 5 km/h. */
    public static StraightLineEta defaults() {
        return new StraightLineEta(1.4, Map.of(UnitKind.PATROL_CAR, 30.0, UnitKind.MOTORBIKE, 35.0, UnitKind.FOOT, 5.0));
    }

    @Override
    public Duration eta(UnitKind kind, GeoPoint from, GeoPoint to, double straightLineMeters) {
        return Duration.ofSeconds(Math.round(straightLineMeters * roadFactor / metersPerSecond.get(kind)));
    }
}
