package id.siaga.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The horizon with literal distances and ETAs: the drill's foot post 48 km away is out by distance, a car 12 km away
 * whose estimate is 34 minutes is in, a motorbike stuck at 41 minutes is out by its ETA.
 */
class RecommendationHorizonTests {

    final RecommendationHorizon horizon = RecommendationHorizon.defaults();

    @Test
    void aFootPostFortyEightKilometresAwayIsBeyondItsDistanceAndOneAroundTheCornerIsNot() {
        assertThat(horizon.beyond(UnitKind.FOOT, 48_000, Duration.ofHours(13).plusMinutes(32))).contains(RecommendationHorizon.Limit.DISTANCE);
        assertThat(horizon.beyond(UnitKind.FOOT, 450, Duration.ofMinutes(8))).isEmpty();
        assertThat(horizon.beyond(UnitKind.FOOT, 1_400, Duration.ofMinutes(24))).as("near enough, too slow").contains(RecommendationHorizon.Limit.ETA);
    }

    @Test
    void eachKindHasItsOwnReach() {
        assertThat(horizon.beyond(UnitKind.PATROL_CAR, 12_000, Duration.ofMinutes(34))).isEmpty();
        assertThat(horizon.beyond(UnitKind.PATROL_CAR, 31_000, Duration.ofMinutes(40))).contains(RecommendationHorizon.Limit.DISTANCE);
        assertThat(horizon.beyond(UnitKind.MOTORBIKE, 20_000, Duration.ofMinutes(41))).contains(RecommendationHorizon.Limit.ETA);
        assertThat(horizon.beyond(UnitKind.MOTORBIKE, 12_000, Duration.ofMinutes(29))).isEmpty();
        assertThat(horizon.farthestMeters()).isEqualTo(30_000);
    }

    @Test
    void aUnitExactlyAtALimitIsWithinAndOneBeyondBothIsOutByDistance() {
        assertThat(horizon.beyond(UnitKind.FOOT, 1_500, Duration.ofMinutes(20))).isEmpty();
        assertThat(horizon.beyond(UnitKind.FOOT, 1_501, Duration.ofMinutes(21))).contains(RecommendationHorizon.Limit.DISTANCE);
        assertThat(horizon.beyond(UnitKind.FOOT, 1_500, Duration.ofMinutes(20).plusSeconds(1))).contains(RecommendationHorizon.Limit.ETA);
    }

    @Test
    void everyKindNeedsAPositiveReach() {
        RecommendationHorizon.Reach car = new RecommendationHorizon.Reach(Duration.ofMinutes(30), 40_000);
        assertThatThrownBy(() -> new RecommendationHorizon(Map.of(UnitKind.PATROL_CAR, car)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no horizon for MOTORBIKE");
        assertThatThrownBy(() -> new RecommendationHorizon.Reach(Duration.ZERO, 1_500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecommendationHorizon.Reach(Duration.ofMinutes(15), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
