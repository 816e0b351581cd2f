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
 * orders those by ETA. A unit beyond its kind's horizon is no candidate; when the nearest are all beyond it, the
 * index is asked for more, up to {@link #MOST_ASKED}. Each candidate says whether it is the incident's station's
 * own. Available units of the incident's station without a fresh fix are listed apart. When nothing is proposed,
 * the recommendation says why.
 */
final class Recommender {

    /** The most units asked of the index for one recommendation (the demo has 14, a province a few thousand). */
    static final int MOST_ASKED = 960;

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
        RecommendationHorizon horizon = policy.horizon();
        int k = policy.recommendations();
        List<Recommendation.Candidate> ranked = new ArrayList<>();
        List<Recommendation.Beyond> beyond = new ArrayList<>();
        for (int asked = 3 * k; ; asked = Math.min(2 * asked, MOST_ASKED)) {
            ranked.clear();
            beyond.clear();
            List<NearestUnitIndex.Near> nearest = positions.index().nearest(to.latitude(), to.longitude(), asked, policy.searchRadiusMeters(), freshSince);
            for (NearestUnitIndex.Near near : nearest) {
                NearestUnitIndex.Located u = near.unit();
                if (exclude.contains(u.unitId()) || dutyStatus.apply(u.unitId()) != UnitStatus.AVAILABLE) {
                    continue;
                }
                Unit unit = roster.find(u.unitId()).orElseThrow();
                Duration unitEta = eta.eta(unit.kind(), new GeoPoint(u.latitude(), u.longitude()), to, near.distanceMeters());
                Recommendation.Candidate c = new Recommendation.Candidate(unit.id(), unit.callSign(), unit.kind(), unit.station(),
                        unit.station().equals(target.station()), near.distanceMeters(), unitEta, u.fixTime());
                Optional<RecommendationHorizon.Limit> out = horizon.beyond(unit.kind(), near.distanceMeters(), unitEta);
                if (out.isPresent()) {
                    RecommendationHorizon.Reach reach = horizon.reach(unit.kind());
                    beyond.add(new Recommendation.Beyond(c, out.get(), reach.maxEta(), reach.maxDistanceMeters()));
                } else {
                    ranked.add(c);
                }
            }
            if (ranked.size() >= 3 * k || nearest.size() < asked || asked >= MOST_ASKED) {
                break;
            }
        }
        ranked.sort(BY_ETA);
        List<Recommendation.Candidate> best = ranked.subList(0, Math.min(k, ranked.size()));

        List<Recommendation.StaleUnit> stale = new ArrayList<>();
        int busy = 0;
        for (Unit unit : roster.atStation(target.station())) {
            UnitStatus status = dutyStatus.apply(unit.id());
            if (status.isCommitted() || status == UnitStatus.RETURNING) {
                busy++;
            }
            if (exclude.contains(unit.id()) || status != UnitStatus.AVAILABLE) {
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
        Recommendation.Beyond nearestBeyond = best.isEmpty()
                ? beyond.stream().min(Comparator.comparing(Recommendation.Beyond::unit, BY_ETA)).orElse(null) : null;
        String reason = best.isEmpty() ? nothingSuitable(nearestBeyond, beyond.size(), busy, stale.size()) : null;
        return new Recommendation(target.incident(), to, target.station(), List.copyOf(best), List.copyOf(stale), beyond.size(), busy,
                nearestBeyond, reason, now);
    }

    private static final Comparator<Recommendation.Candidate> BY_ETA =
            Comparator.comparing(Recommendation.Candidate::eta).thenComparingDouble(Recommendation.Candidate::distanceMeters);

    /**
     * "no free unit within the horizon; nearest free: Pos Malioboro (FOOT) at 48.0 km, ETA 13 h 32 min, beyond the
     * horizon of 1.5 km for FOOT; 2 of the station's units busy, 1 without a fresh fix".
     */
    private String nothingSuitable(Recommendation.Beyond nearest, int beyondCount, int busy, int stale) {
        StringBuilder s = new StringBuilder();
        if (nearest == null) {
            s.append("no free unit with a fresh GPS fix within ").append(km(policy.searchRadiusMeters()));
        } else {
            Recommendation.Candidate c = nearest.unit();
            s.append("no free unit within the horizon; nearest free: ").append(c.callSign()).append(" (").append(c.kind()).append(") at ")
                    .append(km(c.distanceMeters())).append(", ETA ").append(hoursMinutes(c.eta())).append(", beyond the horizon of ")
                    .append(nearest.exceeded() == RecommendationHorizon.Limit.DISTANCE ? km(nearest.maxDistanceMeters())
                            : hoursMinutes(nearest.maxEta()))
                    .append(" for ").append(c.kind());
            if (beyondCount > 1) {
                s.append(" (").append(beyondCount).append(" free units beyond the horizon)");
            }
        }
        if (busy > 0) {
            s.append("; ").append(busy).append(" of the station's units busy");
        }
        if (stale > 0) {
            s.append("; ").append(stale).append(" of the station's units without a fresh fix (call them by radio)");
        }
        return s.toString();
    }

    private static String km(double meters) {
        return String.format(java.util.Locale.ROOT, "%.1f km", meters / 1000);
    }

    private static String hoursMinutes(Duration d) {
        long minutes = (d.getSeconds() + 30) / 60;
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }
}
