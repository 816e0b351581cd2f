package id.siaga.supervision;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Builds the supervisor board for a station's subtree from what the call pipeline leaves behind: the records of
 * today's finished calls ({@link CallRecordStore}), the live calls, each call's {@code CallEscalated}, {@code LegRang}
 * and {@code LegFailed} journal entries, and the clocks of today's incidents ({@link IncidentTimes}). A finished call's story no longer changes, so its escalations are read from the journal once and kept
 * (for two days); only new calls and live ones cost a journal read per board.
 */
public final class SupervisionBoard {

    /** Most finished calls one board reads; a Polda's busiest day stays well below it. */
    static final int RECORDS_PER_DAY = 20_000;
    /** Entries read per call; a call's story is a few dozen, a long queue a few hundred. */
    static final int STORY_LIMIT = 1000;
    /** A call ended this recently may still have journal entries on their way to the database: read it again next time. */
    static final Duration SETTLING = Duration.ofSeconds(10);

    /** The latest media failures one board lists (the count covers them all). */
    static final int MEDIA_GAPS_LISTED = 10;

    private record Known(Instant offeredAt, List<Escalation> escalations, List<Decline> declines, List<MediaGaps.Gap> mediaGaps) {
    }

    private final StationDirectory stations;
    private final OperatorRoster roster;
    private final CallRecordStore records;
    private final Journal journal;
    private final IncidentTimes incidents;
    private final Clock clock;
    private final Map<String, Known> finished = new ConcurrentHashMap<>();

    public SupervisionBoard(StationDirectory stations, OperatorRoster roster, CallRecordStore records, Journal journal, IncidentTimes incidents,
                            Clock clock) {
        this.stations = stations;
        this.roster = roster;
        this.records = records;
        this.journal = journal;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The board for {@code home} and below; {@code live} are the live calls the user may see. */
    public Board figures(StationId home, List<CallView> live) {
        StationTree tree = stations.tree();
        Station station = tree.get(home);
        ZoneId zone = station.timeZone().zone();
        Instant now = clock.instant();
        LocalDate day = now.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Set<String> scope = tree.subtree(home).stream().map(s -> s.id().value()).collect(Collectors.toSet());
        forgetBefore(dayStart.minus(Duration.ofDays(1)));

        List<CallRecord> done = records.atStations(scope.stream().map(StationId::of).toList(), new CallRecordStore.Window(dayStart, null),
                RECORDS_PER_DAY);
        List<Double> secondsToAnswer = new ArrayList<>();
        List<Instant> answeredAt = new ArrayList<>();
        List<Instant> abandonedAt = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        List<Decline> declines = new ArrayList<>();
        List<MediaGaps.Gap> mediaGaps = new ArrayList<>();
        int abandoned = 0;
        int cutOff = 0;
        Set<String> counted = new java.util.HashSet<>();
        for (CallRecord r : done) {
            counted.add(r.id().value());
            if (r.answeredAt() != null) {
                secondsToAnswer.add(seconds(r.offeredAt(), r.answeredAt()));
                answeredAt.add(r.answeredAt());
                if (r.outcome() == CallRecord.Outcome.CUT_OFF) {
                    cutOff++;
                }
            } else if (r.outcome() == CallRecord.Outcome.ABANDONED || r.outcome() == CallRecord.Outcome.INTERRUPTED) {
                abandoned++;
                abandonedAt.add(r.endedAt() == null ? r.offeredAt() : r.endedAt());
            }
            Known story = storyOfFinished(r, now);
            escalations.addAll(story.escalations());
            declines.addAll(story.declines());
            mediaGaps.addAll(story.mediaGaps());
        }
        List<Board.RingingCall> ringing = new ArrayList<>();
        Map<Integer, Integer> byTier = new TreeMap<>();
        for (CallView c : live) {
            if (counted.contains(c.id()) || c.offeredAt() == null) {
                continue; // ended between the two reads: its record already counts
            }
            if (!c.offeredAt().isBefore(dayStart)) {
                List<JournalEntry> story = journal.bySubject(SubjectKind.CALL, c.id(), STORY_LIMIT);
                escalations.addAll(EscalationReader.of(story));
                declines.addAll(EscalationReader.declines(story));
                mediaGaps.addAll(MediaGaps.of(story, c.station()));
            }
            if ("RINGING".equals(c.state())) {
                ringing.add(new Board.RingingCall(c.id(), c.station(), name(tree, c.station()), c.currentStation(), name(tree, c.currentStation()),
                        c.tier(), c.offeredAt(), Math.round(c.secondsWaiting() * 10) / 10.0));
                byTier.merge(c.tier(), 1, Integer::sum);
            } else if (c.answeredAt() != null && scope.contains(c.station()) && !c.offeredAt().isBefore(dayStart)) {
                secondsToAnswer.add(seconds(c.offeredAt(), c.answeredAt()));
                answeredAt.add(c.answeredAt());
            }
        }
        ringing.sort((a, b) -> Double.compare(b.secondsWaiting(), a.secondsWaiting()));
        EscalationTally.Figures tally = EscalationTally.of(escalations, scope::contains, dayStart, zone);
        return new Board(home.value(), station.name(), station.timeZone().name(), zone.getId(), day, dayStart, now, Board.Targets.POLRI_2026,
                ringing, byTier, AnswerTimes.of(secondsToAnswer, abandoned, cutOff), HourlyCounts.of(answeredAt, dayStart, zone),
                HourlyCounts.of(abandonedAt, dayStart, zone), named(tree, tally), named(tree, DeclineTally.of(declines, scope::contains, dayStart)),
                onScene(incidents.of(scope, dayStart), dayStart, tree), media(tree, mediaGaps), done.size() >= RECORDS_PER_DAY);
    }

    private Known storyOfFinished(CallRecord r, Instant now) {
        String id = r.id().value();
        Known known = finished.get(id);
        if (known != null) {
            return known;
        }
        List<JournalEntry> story = journal.bySubject(SubjectKind.CALL, id, STORY_LIMIT);
        Known read = new Known(r.offeredAt(), EscalationReader.of(story), EscalationReader.declines(story), MediaGaps.of(story, r.station()));
        if (r.endedAt() == null || r.endedAt().plus(SETTLING).isBefore(now)) {
            finished.put(id, read);
        }
        return read;
    }

    private void forgetBefore(Instant cutoff) {
        finished.values().removeIf(k -> k.offeredAt().isBefore(cutoff));
    }

    private Board.Escalations named(StationTree tree, EscalationTally.Figures tally) {
        List<Board.StationEscalations> byStation = new ArrayList<>();
        for (EscalationTally.StationCount s : tally.byStation()) {
            List<Board.OperatorMissed> ops = new ArrayList<>();
            for (EscalationTally.OperatorCount o : s.operators()) {
                Optional<Operator> op = operator(o.operator());
                ops.add(new Board.OperatorMissed(o.operator(), op.map(Operator::name).orElse(o.operator()), op.flatMap(Operator::username).orElse(null),
                        o.missed()));
            }
            byStation.add(new Board.StationEscalations(s.station(), name(tree, s.station()), s.escalations(), s.skipped(), ops));
        }
        return new Board.Escalations(tally.total(), byStation, tally.byHour());
    }

    private static Board.MediaGaps media(StationTree tree, List<MediaGaps.Gap> gaps) {
        List<Board.MediaGap> latest = gaps.stream().sorted(java.util.Comparator.comparing(MediaGaps.Gap::at).reversed()).limit(MEDIA_GAPS_LISTED)
                .map(g -> new Board.MediaGap(g.call(), g.station(), name(tree, g.station()), g.at(), g.step(), g.reason())).toList();
        return new Board.MediaGaps(gaps.size(), latest);
    }

    private Board.Declines named(StationTree tree, DeclineTally.Figures tally) {
        List<Board.StationDeclines> byStation = new ArrayList<>();
        for (DeclineTally.StationCount s : tally.byStation()) {
            List<Board.OperatorDeclined> ops = new ArrayList<>();
            for (DeclineTally.OperatorCount o : s.operators()) {
                Optional<Operator> op = operator(o.operator());
                ops.add(new Board.OperatorDeclined(o.operator(), op.map(Operator::name).orElse(o.operator()),
                        op.flatMap(Operator::username).orElse(null), o.declined()));
            }
            byStation.add(new Board.StationDeclines(s.station(), name(tree, s.station()), s.declined(), ops));
        }
        return new Board.Declines(tally.total(), byStation);
    }

    private Optional<Operator> operator(String id) {
        try {
            return roster.find(new OperatorId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String name(StationTree tree, String station) {
        if (station == null) {
            return null;
        }
        try {
            return tree.find(StationId.of(station)).map(Station::name).orElse(station);
        } catch (IllegalArgumentException e) {
            return station;
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static OnSceneTimes.Figures onScene(IncidentTimes.Read read, Instant dayStart, StationTree tree) {
        return OnSceneTimes.of(read.incidents(), dayStart, s -> name(tree, s), read.partial());
    }
}
