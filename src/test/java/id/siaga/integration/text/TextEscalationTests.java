package id.siaga.integration.text;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.DemoRegion;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A text nobody takes climbs like a ringing call: 30 s after it was offered to Polres Sleman it is offered to Polda DIY,
 * 30 s later to Mabes, and there it stays. Sleman's console alerts from the start, Polda's once it has climbed there,
 * Bantul's never; nobody's once it is taken.
 */
class TextEscalationTests {

    static final StationTree TREE = DemoRegion.load().tree();
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId DIY = StationId.of("POLDA-DIY");
    static final StationId MABES = StationId.of("MABES");
    static final Duration AFTER = Duration.ofSeconds(30);
    static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

    static TextConversation offered(StationId to, Instant at, String takenBy) {
        return new TextConversation("c-1", "+6281234500001", "SMS", "i-1", SLEMAN, to, at, TextConversation.AML, -7.7156, 110.3558, 14.0, false,
                takenBy, takenBy == null ? null : at, true, T0, T0, null);
    }

    @Test
    void aTextNobodyTakesClimbsToPoldaThenMabesAndStaysThere() {
        assertThat(TextEscalation.next(offered(SLEMAN, T0, null), TREE, AFTER, T0.plusSeconds(29))).isEmpty();
        assertThat(TextEscalation.next(offered(SLEMAN, T0, null), TREE, AFTER, T0.plusSeconds(30))).contains(DIY);
        assertThat(TextEscalation.next(offered(DIY, T0.plusSeconds(30), null), TREE, AFTER, T0.plusSeconds(59))).isEmpty();
        assertThat(TextEscalation.next(offered(DIY, T0.plusSeconds(30), null), TREE, AFTER, T0.plusSeconds(60))).contains(MABES);
        assertThat(TextEscalation.next(offered(MABES, T0.plusSeconds(60), null), TREE, AFTER, T0.plusSeconds(3600))).isEqualTo(Optional.empty());
        assertThat(TextEscalation.next(offered(SLEMAN, T0, "operator.sleman1"), TREE, AFTER, T0.plusSeconds(300))).as("taken").isEmpty();
    }

    @Test
    void theOfferWidensUpTheChainAndStopsWhenTaken() {
        TextConversation atSleman = offered(SLEMAN, T0, null);
        assertThat(TextEscalation.alerts(atSleman, SLEMAN, TREE)).isTrue();
        assertThat(TextEscalation.alerts(atSleman, DIY, TREE)).isFalse();
        TextConversation atDiy = offered(DIY, T0.plusSeconds(30), null);
        assertThat(TextEscalation.alerts(atDiy, SLEMAN, TREE)).as("the lower tier keeps seeing it").isTrue();
        assertThat(TextEscalation.alerts(atDiy, DIY, TREE)).isTrue();
        assertThat(TextEscalation.alerts(atDiy, MABES, TREE)).isFalse();
        assertThat(TextEscalation.alerts(atDiy, StationId.of("POLRES-3402"), TREE)).as("Bantul").isFalse();
        assertThat(TextEscalation.alerts(offered(DIY, T0, "operator.diy1"), DIY, TREE)).isFalse();
    }
}
