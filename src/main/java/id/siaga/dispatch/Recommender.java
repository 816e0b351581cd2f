package id.siaga.dispatch;

import id.siaga.org.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks the available units for an incident by ETA. The index gives the nearest by distance; since a
 * motorbike 3 km away may beat a foot patrol 500 m away, it asks for three times as many as it recommends and
 * orders those by ETA. Available units of the incident's station without a fresh fix are listed apart.
 */
final class Recommender {

    private final UnitRoster roster;
    private final UnitPositions positions;
    private final EtaEstimator eta;
    private final DispatchPolicy policy;
    private final Function<String, UnitStatus> dutyStatus;

    Recommender(UnitRoster roster, UnitPositions positions, EtaEstimator eta, DispatchPolicy policy, Function<String, UnitStatus> dutyStatus) {
        this.roster = roster;
        this.positions = positions;
        this.eta = eta;
        this.policy = policy;
        this.dutyStatus = dutyStatus;
    }

    Duration eta(UnitKind kind, GeoPoint from, GeoPoint to, double meters) {
        return eta.eta(kind, from, to, meters);
    }

    Recommendation recommend(DispatchTarget target, Set<String> exclude, Instant now) {
        GeoPoint to = target.location().orElseThrow();
        Instant freshSince = now.minus(policy.freshFix());
        int k = policy.recommendations();
        List<Recommendation.Candidate> ranked = new ArrayList<>();
        for (NearestUnitIndex.Near near : positions.index().nearest(to.latitude(), to.longitude(), 3 * k, policy.searchRadiusMeters(), freshSince)) {
            NearestUnitIndex.Located u = near.unit();
            if (exclude.contains(u.unitId()) || dutyStatus.apply(u.unitId()) != UnitStatus.AVAILABLE) {
                continue;
            }
            Unit unit = roster.find(u.unitId()).orElseThrow();
            ranked.add(new Recommendation.Candidate(unit.id(), unit.callSign(), unit.kind(), unit.station(), near.distanceMeters(),
                    eta.eta(unit.kind(), new GeoPoint(u.latitude(), u.longitude()), to, near.distanceMeters()), u.fixTime()));
        }
        ranked.sort(Comparator.comparing(Recommendation.Candidate::eta).thenComparingDouble(Recommendation.Candidate::distanceMeters));
        List<Recommendation.Candidate> best = ranked.subList(0, Math.min(k, ranked.size()));

        List<Recommendation.StaleUnit> stale = new ArrayList<>();
        for (Unit unit : roster.atStation(target.station())) {
            if (exclude.contains(unit.id()) || dutyStatus.apply(unit.id()) != UnitStatus.AVAILABLE) {
                continue;
            }
            Optional<NearestUnitIndex.Located> fix = positions.last(unit.id());
            boolean fresh = fix.isPresent() && !fix.get().fixTime().isBefore(freshSince) && !positions.isOffline(unit.id());
            if (!fresh) {
                Instant heard = positions.heardAt(unit.id()).orElse(null);
                stale.add(new Recommendation.StaleUnit(unit.id(), unit.callSign(), unit.kind(), unit.station(), heard,
                        heard == null ? null : Duration.between(heard, now)));
            }
        }
        return new Recommendation(target.incident(), to, List.copyOf(best), List.copyOf(stale), now);
    }
}
