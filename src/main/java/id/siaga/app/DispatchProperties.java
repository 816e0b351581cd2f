package id.siaga.app;

import id.siaga.dispatch.DispatchPolicy;
import id.siaga.dispatch.RecommendationHorizon;
import id.siaga.dispatch.StraightLineEta;
import id.siaga.dispatch.UnitKind;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Field units and dispatch.
 *
 * @param unitsFile              units CSV ({@code id,call_sign,kind,station,devices,members}); a path,
 *                               {@code file:} or {@code classpath:} location. The demo's fourteen units of Polda DIY by default; production points it at
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
 * @param patrolCarHorizonEta    the longest ETA at which a patrol car is still proposed. 45 min: with the
 *                               straight-line estimate (30 km/h, road factor 1.4) that is 16 km across, the reach of a
 *                               Polres' own cars over its rural kecamatan, while a car the estimate puts further out
 *                               is a neighbour's job. A Polres whose roads are quicker raises {@code patrol-car-kmh}
 *                               first (a truer ETA); a compact city Polres may lower it to 30 min
 * @param patrolCarHorizon       metres: the farthest straight-line distance at which a patrol car is proposed. 30 km
 *                               is about the width of a rural Polres (Gunungkidul, Kulon Progo); with the default speeds
 *                               the ETA binds first, this ceiling holds when the speeds are raised or a road router gives
 *                               quicker ETAs. Production: about the width of the Polres
 * @param motorbikeHorizonEta    the longest ETA for a patrol motorbike: 40 min (17 km across at the default 35 km/h),
 *                               a little under a car's since a motorbike carries two officers and no one else
 * @param motorbikeHorizon       metres: the farthest distance for a motorbike; 25 km, a motorbike's practical range of
 *                               an emergency ride. Production: keep it under the car's
 * @param footHorizonEta         the longest ETA for officers on foot: 20 min (1.2 km at 5 km/h over roads), twice the
 *                               10-minute target; further out a motorbike arrives first. Production: 15-20 min
 * @param footHorizon            metres: the farthest distance for officers on foot; 1.5 km, the area a post (a market,
 *                               Malioboro, an event) covers. A foot post 48 km away is never proposed. Production: the
 *                               posts' own beat, rarely above 2 km
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
        @DefaultValue("1s") Duration tick,
        @DefaultValue("45m") Duration patrolCarHorizonEta,
        @DefaultValue("30000") double patrolCarHorizon,
        @DefaultValue("40m") Duration motorbikeHorizonEta,
        @DefaultValue("25000") double motorbikeHorizon,
        @DefaultValue("20m") Duration footHorizonEta,
        @DefaultValue("1500") double footHorizon) {

    public DispatchProperties {
        if (unitsFile == null || unitsFile.isBlank()) {
            throw new IllegalArgumentException("siaga.dispatch.units-file must name a units CSV");
        }
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("siaga.dispatch.tick must be positive");
        }
        try {
            // the parameters, not the fields: those are assigned only after this constructor body
            new DispatchPolicy(acknowledgementTimeout, offlineAfter, freshFix, arrivalRadius, recommendations, searchRadius, onSceneTarget,
                    horizon(patrolCarHorizonEta, patrolCarHorizon, motorbikeHorizonEta, motorbikeHorizon, footHorizonEta, footHorizon));
            new StraightLineEta(roadFactor, Map.of(UnitKind.PATROL_CAR, patrolCarKmh, UnitKind.MOTORBIKE, motorbikeKmh, UnitKind.FOOT, footKmh));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).startsWith("siaga.dispatch.") ? e.getMessage()
                    : "siaga.dispatch: " + e.getMessage(), e);
        }
    }

    public DispatchPolicy policy() {
        return new DispatchPolicy(acknowledgementTimeout, offlineAfter, freshFix, arrivalRadius, recommendations, searchRadius, onSceneTarget,
                horizon(patrolCarHorizonEta, patrolCarHorizon, motorbikeHorizonEta, motorbikeHorizon, footHorizonEta, footHorizon));
    }

    private static RecommendationHorizon horizon(Duration carEta, double car, Duration motorbikeEta, double motorbike, Duration footEta, double foot) {
        return new RecommendationHorizon(Map.of(UnitKind.PATROL_CAR, reach("patrol-car", carEta, car),
                UnitKind.MOTORBIKE, reach("motorbike", motorbikeEta, motorbike), UnitKind.FOOT, reach("foot", footEta, foot)));
    }

    private static RecommendationHorizon.Reach reach(String kind, Duration eta, double meters) {
        try {
            return new RecommendationHorizon.Reach(eta, meters);
        } catch (IllegalArgumentException | NullPointerException e) {
            // the key, not the record's words: this is the message the start fails with
            throw new IllegalArgumentException("siaga.dispatch." + kind + "-horizon and " + kind + "-horizon-eta must be positive, got " + meters
                    + " m and " + eta);
        }
    }

    public StraightLineEta eta() {
        return new StraightLineEta(roadFactor, Map.of(UnitKind.PATROL_CAR, patrolCarKmh, UnitKind.MOTORBIKE, motorbikeKmh, UnitKind.FOOT, footKmh));
    }
}
