package id.siaga.org;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a station needs before it goes LIVE and is offered 110 calls: a position whose phone can be rung now, a roster
 * that plans at least one position for every moment of the next {@link #ROSTER_AHEAD}, and a jurisdiction the routing
 * can send calls to. Pure: the facts come in, one {@link Check} per item comes out.
 */
public record GoLiveChecklist(StationId station, Instant at, List<Check> checks) {

    /** How far ahead the roster must be filled when a station goes live. */
    public static final Duration ROSTER_AHEAD = Duration.ofHours(24);

    public enum Item {
        /** At least one position with a registered phone (a live binding) or a static contact. */
        PHONE,
        /** Every moment of the next 24 h has at least one position planned. */
        ROSTER,
        /** Headquarters and a jurisdiction polygon that routing can send calls to (the root covers what no one else does). */
        JURISDICTION
    }

    /**
     * One item: met or not, what it found in words, the positions that can be rung (PHONE) and the first moment without a
     * planned position (ROSTER), when there is one.
     */
    public record Check(Item item, boolean met, String detail, List<String> positions, Instant gapFrom) {
    }

    public GoLiveChecklist {
        checks = List.copyOf(checks);
    }

    /**
     * The checklist of {@code station} at {@code now}: {@code reachable} are its positions whose phone can be rung,
     * {@code shifts} its roster over the next 24 h, {@code hasJurisdiction} whether routing has its polygon.
     */
    public static GoLiveChecklist of(Station station, List<Operator> reachable, List<Shift> shifts, boolean hasJurisdiction, Instant now) {
        Check phone = reachable.isEmpty()
                ? new Check(Item.PHONE, false, "no position of " + station.name() + " has a registered phone or a static contact",
                        List.of(), null)
                : new Check(Item.PHONE, true, reachable.size() + " position(s) can be rung", reachable.stream().map(Operator::name).toList(), null);
        Optional<Instant> gap = StaffingHours.firstGap(shifts, now, now.plus(ROSTER_AHEAD));
        Check roster = gap.map(g -> new Check(Item.ROSTER, false, "no position is planned from "
                        + g.atZone(station.timeZone().zone()).toLocalDateTime().toString().replace('T', ' ') + " " + station.timeZone()
                        + " within the next 24 hours", List.<String>of(), g))
                .orElseGet(() -> new Check(Item.ROSTER, true, "every hour of the next 24 hours has a planned position", List.of(), null));
        boolean root = station.parent().isEmpty();
        Check area = root || hasJurisdiction
                ? new Check(Item.JURISDICTION, true, root ? "the national root answers wherever no station does" : "headquarters and jurisdiction are known",
                        List.of(), null)
                : new Check(Item.JURISDICTION, false, station.name() + " has no jurisdiction polygon", List.of(), null);
        return new GoLiveChecklist(station.id(), now, List.of(phone, roster, area));
    }

    public boolean met() {
        return checks.stream().allMatch(Check::met);
    }

    public List<Check> unmet() {
        return checks.stream().filter(c -> !c.met()).toList();
    }
}
