package id.siaga.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Polres Sleman's roster changes while the service runs: a third desk is added with nobody seated, Bripda Wulan is
 * seated at it, it is taken out of service. Readers see one roster or the next, and the presence board follows.
 */
class LiveRosterTests {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final Operator RINA = new Operator(new OperatorId("OP-3404-1"), "Bripka Rina", SLEMAN, "operator.sleman1");
    static final Operator DESK_3 = new Operator(new OperatorId("OP-3404-3"), "Meja 3", SLEMAN, Optional.empty());

    @Test
    void aDeskAddedAtRunTimeIsFoundAtItsStationAndStartsOffline() {
        OperatorRoster roster = new OperatorRoster(List.of(RINA));
        PresenceBoard board = new PresenceBoard(roster, Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> board.presenceOf(DESK_3.id())).isInstanceOf(NoSuchElementException.class);

        roster.replace(List.of(RINA, DESK_3));
        assertThat(roster.atStation(SLEMAN)).containsExactly(RINA, DESK_3);
        assertThat(roster.find(DESK_3.id())).contains(DESK_3);
        assertThat(board.presenceOf(DESK_3.id())).isEqualTo(Presence.OFFLINE);
        assertThat(board.change(DESK_3.id(), Presence.READY)).get().extracting(PresenceChanged::from).isEqualTo(Presence.OFFLINE);
        assertThat(board.readyAt(SLEMAN)).containsExactly(DESK_3);
    }

    @Test
    void theSeatedLoginFindsItsDeskAndAVacantDeskIsFoundByNoLogin() {
        OperatorRoster roster = new OperatorRoster(List.of(RINA, DESK_3));
        assertThat(roster.byUsername("operator.sleman9")).isEmpty();
        Operator seated = new Operator(DESK_3.id(), DESK_3.name(), SLEMAN, "operator.sleman9");
        roster.replace(List.of(RINA, seated));
        assertThat(roster.byUsername("operator.sleman9")).contains(seated);
        assertThat(seated.seats("operator.sleman9")).isTrue();
        assertThat(DESK_3.seats("operator.sleman9")).isFalse();
    }

    @Test
    void aDeskTakenOutOfServiceIsNoLongerRungButKeepsItsLastPresence() {
        OperatorRoster roster = new OperatorRoster(List.of(RINA, DESK_3));
        PresenceBoard board = new PresenceBoard(roster, Clock.systemUTC());
        board.change(DESK_3.id(), Presence.READY);
        board.change(DESK_3.id(), Presence.OFFLINE);
        roster.replace(List.of(RINA));
        assertThat(roster.find(DESK_3.id())).isEmpty();
        assertThat(board.readyAt(SLEMAN)).isEmpty();
        assertThat(board.presenceOf(DESK_3.id())).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void aPositionNeedsANameAndABlankLoginIsNoLogin() {
        assertThatThrownBy(() -> new Position(DESK_3.id(), SLEMAN, " ", Optional.empty(), true)).hasMessageContaining("name");
        assertThatThrownBy(() -> new Operator(DESK_3.id(), "Meja 3", SLEMAN, Optional.of(" "))).hasMessageContaining("blank");
        assertThat(new Position(DESK_3.id(), SLEMAN, "  Meja 3 ", Optional.empty(), true).operator()).isEqualTo(DESK_3);
    }
}
