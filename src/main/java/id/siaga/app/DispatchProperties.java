package id.siaga.app;

import id.siaga.dispatch.DispatchPolicy;
import id.siaga.dispatch.StraightLineEta;
import id.siaga.dispatch.UnitKind;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Field units and dispatch.
 *
 * @param unitsFile              units CSV ({@code id,call_sign,kind,station,devices,members}); a Spring resource
 *                               location. The demo's fourteen units of Polda DIY by default; production points it at
 *                               the Polres' own register, e.g. {@code file:/etc/siaga/units.csv}
 * @param acknowledgementTimeout an alert nobody acknowledged for this long warns the dispatcher and proposes the next
 *                               unit; 30 s is the default: long enough to pull over a motorbike, short enough
 *                               not to lose the 10 minutes
 * @param offlineAfter           GPS silence after which a unit shows OFFLINE and needs a device check; 5 min rides out
 *                               tunnels and coverage gaps of the usual 10-30 s reporting interval
 * @param freshFix               positions older than this do not rank a unit (it is listed apart); 2 min at 40 km/h is
 *                               1.3 km of doubt
 * @param arrivalRadius          metres: a dispatched unit this close to the incident is proposed ON_SCENE (100 m, GPS
 *                               accuracy plus a parking place)
 * @param recommendations        how many units the recommendation lists
 * @param searchRadius           metres to look for units around the incident; 50 km covers a rural Polres
 * @param onSceneTarget          the clock's target from the call's answer to the first unit on scene: 10 minutes, the
 *                               Polri 2026 target
 * @param roadFactor             road distance ÷ straight-line distance for the ETA; 1.4 suits Indonesian cities, a road
 *                               router replaces the estimate where one is deployed
 * @param patrolCarKmh           a patrol car's emergency-driving average in mixed urban traffic, km/h
 * @param motorbikeKmh           a patrol motorbike's (quicker than a car through Indonesian traffic), km/h
 * @param footKmh                officers on foot, km/h
 * @param gridCell               degrees of one cell of the nearest-unit grid (the coarse grid is 16 times larger); 0.015
 *                               (about 1.7 km) measured quickest for 100,000 units spread by population (bench/RESULTS.md)
 * @param tick                   how often the acknowledgement and silence timers are checked
 */
@ConfigurationProperties("siaga.dispatch")
public record DispatchProperties(
        @DefaultValue("classpath:demo/units.csv") String unitsFile,
        @DefaultValue("30s") Duration acknowledgementTimeout,
        @DefaultValue("5m") Duration offlineAfter,
        @DefaultValue("2m") Duration freshFix,
        @DefaultValue("100") double arrivalRadius,
        @DefaultValue("5") int recommendations,
        @DefaultValue("50000") double searchRadius,
        @DefaultValue("10m") Duration onSceneTarget,
        @DefaultValue("1.4") double roadFactor,
        @DefaultValue("30") double patrolCarKmh,
        @DefaultValue("35") double motorbikeKmh,
        @DefaultValue("5") double footKmh,
        @DefaultValue("0.015") double gridCell,
        @DefaultValue("1s") Duration tick) {

    public DispatchProperties {
        if (unitsFile == null || unitsFile.isBlank()) {
            throw new IllegalArgumentException("siaga.dispatch.units-file must name a units CSV");
        }
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("siaga.dispatch.tick must be positive");
        }
        try {
            // the parameters, not the fields: those are assigned only after this constructor body
            new DispatchPolicy(acknowledgementTimeout, offlineAfter, freshFix, arrivalRadius, recommendations, searchRadius, onSceneTarget);
            new StraightLineEta(roadFactor, Map.of(UnitKind.PATROL_CAR, patrolCarKmh, UnitKind.MOTORBIKE, motorbikeKmh, UnitKind.FOOT, footKmh));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("siaga.dispatch: " + e.getMessage(), e);
        }
    }

    public DispatchPolicy policy() {
        return new DispatchPolicy(acknowledgementTimeout, offlineAfter, freshFix, arrivalRadius, recommendations, searchRadius, onSceneTarget);
    }

    public StraightLineEta eta() {
        return new StraightLineEta(roadFactor, Map.of(UnitKind.PATROL_CAR, patrolCarKmh, UnitKind.MOTORBIKE, motorbikeKmh, UnitKind.FOOT, footKmh));
    }
}
