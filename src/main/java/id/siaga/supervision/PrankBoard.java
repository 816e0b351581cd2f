package id.siaga.supervision;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.screening.Classification;
import id.siaga.screening.PrankHistory;
import id.siaga.screening.PrankNumbers;
import id.siaga.screening.Reputation;
import id.siaga.screening.Standing;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallLocated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The prank figures of the supervisor board and the list of persistent prank numbers, for a station's subtree, in the
 * station's local time: counted by the database ({@link PrankHistory}), folded here into shares and minutes, with each
 * repeat number's owning station decided by {@link PrankNumbers} and masked for a user whose scope does not hold it.
 * Reads only.
 */
public final class PrankBoard {

    /** Stations listed per board, most pranks first (a national scope has thousands). */
    static final int STATIONS_LISTED = 50;
    /** Repeat numbers shown on the board, and the pranks a number needs in the window to be one. */
    static final int TOP_NUMBERS = 10;
    static final int TOP_AT_LEAST = 2;
    /** Persistent numbers in one list (the CSV too): far more than a station follows up in a month. */
    static final int LIST_LIMIT = 500;
    /** Journal entries read per listed call for its fix's uncertainty. */
    static final int STORY_LIMIT = 1000;
    /**
     * How long one scope's figures are served again before they are counted anew: every open board refreshes every
     * 10 s, and a Polda's or the nation's month of calls is seconds of the database's time; a minute-old prank share
     * is as good as a fresh one.
     */
    static final Duration FIGURES_FRESH = Duration.ofMinutes(1);
    /** The persistent numbers change by the day; the list costs a journal read per number. */
    static final Duration NUMBERS_FRESH = Duration.ofMinutes(5);

    private record Cached<V>(Instant at, V value) {
    }

    private final StationDirectory stations;
    private final PrankHistory history;
    private final Reputation reputation;
    private final Journal journal;
    private final Clock clock;
    private final Map<List<Object>, Cached<Object>> cache = new ConcurrentHashMap<>();
    private final Map<List<Object>, Object> computing = new ConcurrentHashMap<>();

    public PrankBoard(StationDirectory stations, PrankHistory history, Reputation reputation, Journal journal, Clock clock) {
        this.stations = stations;
        this.history = history;
        this.reputation = reputation;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * The figures of {@code top}'s subtree for a user whose home station is {@code home} (who sees a number in full only
     * when its owning station is within home's subtree): today by hour, the last {@code days} days by day.
     */
    public PrankFigures figures(StationId home, StationId top, int days) {
        return cached(List.of("figures", home, top, days), FIGURES_FRESH, () -> count(home, top, days));
    }

    private PrankFigures count(StationId home, StationId top, int days) {
        StationTree tree = stations.tree();
        Station station = tree.get(top);
        ZoneId zone = station.timeZone().zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Collection<String> scope = scope(tree, top);

        List<Instant> hours = new ArrayList<>();
        ZonedDateTime midnight = today.atStartOfDay(zone);
        for (int h = 0; h <= 24; h++) {
            hours.add(midnight.plusHours(h).toInstant());
        }
        List<Counts> byHour = fold(history.tally(scope, hours, false), 24);
        List<Instant> dayBounds = new ArrayList<>();
        LocalDate first = today.minusDays(days - 1L);
        for (int d = 0; d <= days; d++) {
            dayBounds.add(first.plusDays(d).atStartOfDay(zone).toInstant());
        }
        List<Counts> byDay = fold(history.tally(scope, dayBounds, false), days);
        List<PrankFigures.DayCounts> dayCounts = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            dayCounts.add(new PrankFigures.DayCounts(first.plusDays(d), byDay.get(d).figures()));
        }

        Instant from = dayBounds.get(0);
        Instant until = dayBounds.get(days);
        Map<String, Counts> perStation = new HashMap<>();
        for (PrankHistory.Tally t : history.tally(scope, List.of(from, until), true)) {
            perStation.computeIfAbsent(t.station(), s -> new Counts()).add(t);
        }
        List<PrankFigures.StationCounts> stationCounts = perStation.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().prank()).reversed()
                        .thenComparing(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().calls).reversed())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new PrankFigures.StationCounts(e.getKey(), name(tree, e.getKey()), e.getValue().figures())).toList();

        Predicate<String> inScope = scope == null ? s -> true : Set.copyOf(scope)::contains;
        List<PrankFigures.TopNumber> top10 = new ArrayList<>();
        for (PrankNumbers.Prankster p : PrankNumbers.of(history.repeatPranksters(scope, from, until, TOP_AT_LEAST, TOP_NUMBERS), inScope)) {
            boolean full = tree.contains(StationId.of(p.owner())) && tree.isWithin(StationId.of(p.owner()), home);
            Standing standing = reputation.of(p.number(), now);
            top10.add(new PrankFigures.TopNumber(full ? p.number() : PrankNumbers.masked(p.number()), !full, p.pranksInScope(), p.pranks(),
                    p.owner(), name(tree, p.owner()), p.lastCall(), standing.score(), standing.flagged()));
            if (top10.size() == TOP_NUMBERS) {
                break;
            }
        }
        Counts todayTotal = new Counts();
        byHour.forEach(todayTotal::add);
        Counts windowTotal = new Counts();
        byDay.forEach(windowTotal::add);
        return new PrankFigures(top.value(), station.name(), station.timeZone().name(), today, now, days, todayTotal.figures(),
                byHour.stream().map(Counts::figures).toList(), dayCounts, windowTotal.figures(),
                stationCounts.subList(0, Math.min(STATIONS_LISTED, stationCounts.size())), stationCounts.size() > STATIONS_LISTED, top10);
    }

    /**
     * The numbers that pranked at least {@code atLeast} times in the last {@code days} days (today included) at stations
     * of {@code top}'s subtree and belong to one of them, most pranks first, each with its last measured position.
     */
    public PrankNumberList numbers(StationId top, int days, int atLeast) {
        return cached(List.of("numbers", top, days, atLeast), NUMBERS_FRESH, () -> list(top, days, atLeast));
    }

    private PrankNumberList list(StationId top, int days, int atLeast) {
        StationTree tree = stations.tree();
        Station station = tree.get(top);
        ZoneId zone = station.timeZone().zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.minusDays(days - 1L).atStartOfDay(zone).toInstant();
        Instant until = today.plusDays(1).atStartOfDay(zone).toInstant();
        Collection<String> scope = scope(tree, top);
        Predicate<String> inScope = scope == null ? s -> true : Set.copyOf(scope)::contains;
        List<PrankNumbers.Prankster> numbers = PrankNumbers.of(history.repeatPranksters(scope, from, until, atLeast, LIST_LIMIT), inScope)
                .stream().filter(p -> inScope.test(p.owner())).toList();
        Map<String, PrankHistory.LastPosition> positions = history.lastPositions(numbers.stream().map(PrankNumbers.Prankster::number).toList(),
                from, until).stream().collect(Collectors.toMap(PrankHistory.LastPosition::number, p -> p));
        List<PrankNumberList.Entry> entries = new ArrayList<>();
        for (PrankNumbers.Prankster p : numbers) {
            Standing standing = reputation.of(p.number(), now);
            PrankHistory.LastPosition at = positions.get(p.number());
            entries.add(new PrankNumberList.Entry(p.number(), p.pranks(), p.owner(), name(tree, p.owner()), p.lastCall(), standing.score(),
                    standing.flagged(), at == null ? null : new PrankNumberList.Position(at.call(), at.at(), at.source(), at.latitude(),
                    at.longitude(), uncertainty(at))));
        }
        return new PrankNumberList(top.value(), station.name(), days, atLeast, now, entries);
    }

    /**
     * The value kept for {@code key} while fresh, else computed once (a second board asking meanwhile waits for it rather
     * than counting again); stale entries of other keys are dropped on the way.
     */
    @SuppressWarnings("unchecked")
    private <V> V cached(List<Object> key, Duration fresh, Supplier<V> compute) {
        Cached<Object> kept = cache.get(key);
        if (kept != null && clock.instant().isBefore(kept.at().plus(fresh))) {
            return (V) kept.value();
        }
        Object lock = computing.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                Instant now = clock.instant();
                kept = cache.get(key);
                if (kept != null && now.isBefore(kept.at().plus(fresh))) {
                    return (V) kept.value();
                }
                V value = compute.get();
                cache.values().removeIf(c -> !now.isBefore(c.at().plus(NUMBERS_FRESH)));
                cache.put(key, new Cached<>(now, value));
                return value;
            }
        } finally {
            computing.remove(key, lock);
        }
    }

    /**
     * The uncertainty of the fix a call's record kept: the call record holds the best fix's source and position, the
     * journal's {@code CallLocated} rows hold each fix with its uncertainty; the latest row of that source at that place.
     */
    private Double uncertainty(PrankHistory.LastPosition p) {
        List<JournalEntry> story = journal.bySubject(SubjectKind.CALL, p.call(), STORY_LIMIT);
        Double found = null;
        for (CallLocated located : CallEvents.all(story, CallLocated.class)) {
            if (located instanceof CallLocated.Fix f && String.valueOf((Object) f.source()).equals(p.source()) && same(f.lat(), f.lon(), p)) {
                found = f.uncertaintyMeters();
            }
        }
        return found;
    }

    private static boolean same(double lat, double lon, PrankHistory.LastPosition p) {
        return Math.abs(lat - p.latitude()) < 1e-9 && Math.abs(lon - p.longitude()) < 1e-9;
    }

    /** The station ids of the subtree; null for the whole tree (the database then reads every station without a list). */
    private static Collection<String> scope(StationTree tree, StationId top) {
        if (tree.root().id().equals(top)) {
            return null;
        }
        return tree.subtree(top).stream().map(s -> s.id().value()).toList();
    }

    private static String name(StationTree tree, String station) {
        return tree.find(StationId.of(station)).map(Station::name).orElse(station);
    }

    /** The database's rows of each bucket added up: one {@link Counts} per bucket. */
    private static List<Counts> fold(List<PrankHistory.Tally> rows, int buckets) {
        List<Counts> out = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            out.add(new Counts());
        }
        for (PrankHistory.Tally t : rows) {
            if (t.bucket() >= 0 && t.bucket() < buckets) {
                out.get(t.bucket()).add(t);
            }
        }
        return out;
    }

    /** A running sum of tallies. */
    private static final class Counts {
        long calls;
        long answered;
        long classified;
        long hungUp;
        final Map<Classification, Long> by = new HashMap<>();
        final Map<Classification, Double> seconds = new HashMap<>();

        void add(PrankHistory.Tally t) {
            calls += t.calls();
            answered += t.answered();
            hungUp += t.hungUp();
            if (t.classification() != null) {
                classified += t.calls();
                by.merge(t.classification(), t.calls(), Long::sum);
                seconds.merge(t.classification(), t.operatorSeconds(), Double::sum);
            }
        }

        void add(Counts c) {
            calls += c.calls;
            answered += c.answered;
            classified += c.classified;
            hungUp += c.hungUp;
            c.by.forEach((k, v) -> by.merge(k, v, Long::sum));
            c.seconds.forEach((k, v) -> seconds.merge(k, v, Double::sum));
        }

        long prank() {
            return by.getOrDefault(Classification.PRANK, 0L);
        }

        PrankFigures.Counts figures() {
            long prank = prank();
            return new PrankFigures.Counts(calls, answered, classified, prank, by.getOrDefault(Classification.ABUSIVE, 0L),
                    by.getOrDefault(Classification.SILENT, 0L), by.getOrDefault(Classification.GENUINE, 0L), hungUp,
                    answered == 0 || classified == 0 ? null : Math.round(1000.0 * prank / answered) / 10.0, minutes(Classification.PRANK),
                    minutes(Classification.ABUSIVE), minutes(Classification.SILENT));
        }

        private double minutes(Classification c) {
            return Math.round(seconds.getOrDefault(c, 0.0) / 6.0) / 10.0;
        }
    }
}
