package id.siaga.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reputation of every caller's number, in memory (loaded from the store at start, kept current as marks are set):
 * a score that is the sum of its marks' weights, each halved every {@link Policy#halfLife} since it was set, counted
 * from the last time a supervisor cleared the number; it flags the number when it reaches {@link Policy#threshold} and
 * the number is not trusted. It also counts each number's calls of the last 24 hours for the call pop. Explainable:
 * {@link #explain} lists the marks that make a score and what each weighs now. Nothing here refuses or delays a call.
 *
 * <p>Thread-safe: the call loop asks {@link #arrived}, the consoles set marks and read explanations.
 */
public final class Reputation {

    /**
     * @param halfLife  a mark weighs half as much after this long (7 days)
     * @param threshold the score that flags a number (2.5: three pranks within about two days, more spread over weeks)
     * @param retention marks older than this are forgotten, here and in the store (personal data: 90 days)
     */
    public record Policy(Duration halfLife, double threshold, Duration retention) {
        public static final Policy DEFAULT = new Policy(Duration.ofDays(7), 2.5, Duration.ofDays(90));

        public Policy {
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new IllegalArgumentException("the half-life must be positive, got " + halfLife);
            }
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("the threshold must be positive, got " + threshold);
            }
            if (retention.compareTo(halfLife) < 0) {
                throw new IllegalArgumentException("marks must be kept at least one half-life (" + halfLife + "), got " + retention);
            }
        }
    }

    /** One mark and what it weighs now. */
    public record Contribution(Mark mark, double weightNow) {
    }

    /** A number's standing and every mark that makes it, newest first; {@code clearedAt} when a supervisor last cleared it. */
    public record Explanation(String number, Standing standing, Instant clearedAt, List<Contribution> marks) {
    }

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration DAY = Duration.ofDays(1);
    /** Arrivals kept per number: a dialler gone mad must not fill the memory; the count then says "at least". */
    static final int ARRIVALS_KEPT = 10_000;
    /**
     * Marks kept per number, the newest: a number that pranks all day must not fill the memory either. 500 marks
     * within the retention flag a number many times over; the oldest dropped weigh least (they are the most decayed).
     */
    static final int MARKS_KEPT = 500;

    private final Policy policy;
    private final Map<String, Entry> numbers = new ConcurrentHashMap<>();

    private static final class Entry {
        /** By call and source: a reclassification replaces its call's mark. */
        final Map<String, Mark> marks = new LinkedHashMap<>();
        final ArrayDeque<Instant> arrivals = new ArrayDeque<>();
        Instant clearedAt;
        boolean trusted;
    }

    public Reputation(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /** Whether a number can carry a reputation: a withheld or missing number cannot. */
    public static boolean known(String number) {
        return number != null && !number.isBlank() && !"anonymous".equalsIgnoreCase(number);
    }

    /** A call from {@code number} arrived at {@code at}: counted, and the number's standing returned (this call included). */
    public Standing arrived(String number, Instant at) {
        if (!known(number)) {
            return new Standing(0, false, false, 0, 0, 0, null, 0, 0, true);
        }
        return update(number, e -> {
            e.arrivals.addLast(at);
            while (e.arrivals.size() > ARRIVALS_KEPT) {
                e.arrivals.removeFirst();
            }
            return standing(e, at);
        });
    }

    /** The number's standing now, without counting a call. */
    public Standing of(String number, Instant now) {
        if (!known(number)) {
            return new Standing(0, false, false, 0, 0, 0, null, 0, 0, true);
        }
        Entry e = numbers.get(number);
        if (e == null) {
            return Standing.UNKNOWN;
        }
        synchronized (e) {
            return standing(e, now);
        }
    }

    public Explanation explain(String number, Instant now) {
        Entry e = known(number) ? numbers.get(number) : null;
        if (e == null) {
            return new Explanation(number, of(number, now), null, List.of());
        }
        synchronized (e) {
            List<Contribution> list = new ArrayList<>();
            for (Mark m : counted(e)) {
                list.add(new Contribution(m, weightNow(m, now)));
            }
            list.sort(Comparator.comparing((Contribution c) -> c.mark().at()).reversed());
            return new Explanation(number, standing(e, now), e.clearedAt, list);
        }
    }

    /** Sets a mark, replacing the one its call had from the same source. */
    public void mark(Mark mark) {
        if (!known(mark.number())) {
            return;
        }
        update(mark.number(), e -> {
            e.marks.put(key(mark.call(), mark.source()), mark);
            if (e.marks.size() > MARKS_KEPT) {
                e.marks.values().stream().min(java.util.Comparator.comparing(Mark::at))
                        .ifPresent(oldest -> e.marks.remove(key(oldest.call(), oldest.source())));
            }
            return null;
        });
    }

    /** Removes a call's mark of that source (it was reclassified as something that weighs nothing). */
    public void unmark(String number, String call, Mark.Source source) {
        Entry e = known(number) ? numbers.get(number) : null;
        if (e != null) {
            synchronized (e) {
                e.marks.remove(key(call, source));
            }
        }
    }

    /** A supervisor cleared the number at {@code at}: marks set before then no longer count (they stay explainable in the store). */
    public void clear(String number, Instant at) {
        if (!known(number)) {
            return;
        }
        update(number, e -> e.clearedAt = at);
    }

    /** A supervisor marked the number trusted (a hospital's switchboard: never flagged, never warned) or no longer. */
    public void trust(String number, boolean trusted) {
        if (!known(number)) {
            return;
        }
        update(number, e -> e.trusted = trusted);
    }

    /**
     * Forgets marks set before {@code cutoff} (the retention) and arrivals older than a day, and every number left with
     * nothing to remember; returns how many marks were forgotten.
     */
    public int forget(Instant cutoff, Instant now) {
        int forgotten = 0;
        for (Map.Entry<String, Entry> n : numbers.entrySet()) {
            Entry e = n.getValue();
            synchronized (e) {
                int before = e.marks.size();
                e.marks.values().removeIf(m -> m.at().isBefore(cutoff));
                forgotten += before - e.marks.size();
                while (!e.arrivals.isEmpty() && e.arrivals.peekFirst().isBefore(now.minus(DAY))) {
                    e.arrivals.removeFirst();
                }
            }
            // removed under the map's lock for the key, where writers write too (update): a write lands in an entry the
            // map still holds, or in a fresh one after
            numbers.computeIfPresent(n.getKey(), (k, entry) -> {
                synchronized (entry) {
                    return entry.marks.isEmpty() && entry.arrivals.isEmpty() && !entry.trusted && entry.clearedAt == null ? null : entry;
                }
            });
        }
        return forgotten;
    }

    /** Changes a number's entry (made if need be) under the map's lock for the number, where the sweep removes entries. */
    private <T> T update(String number, java.util.function.Function<Entry, T> change) {
        Object[] result = new Object[1];
        numbers.compute(number, (k, e) -> {
            Entry entry = e == null ? new Entry() : e;
            synchronized (entry) {
                result[0] = change.apply(entry);
            }
            return entry;
        });
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** Numbers held in memory; for metrics. */
    public int size() {
        return numbers.size();
    }

    private Standing standing(Entry e, Instant now) {
        double score = 0;
        int pranks = 0;
        int silent = 0;
        int hungUp = 0;
        Instant lastPrank = null;
        Instant weekAgo = now.minus(WEEK);
        for (Mark m : counted(e)) {
            score += weightNow(m, now);
            boolean thisWeek = !m.at().isBefore(weekAgo);
            if (m.kind() == Mark.Kind.PRANK || m.kind() == Mark.Kind.ABUSIVE) {
                pranks += thisWeek ? 1 : 0;
                lastPrank = lastPrank == null || m.at().isAfter(lastPrank) ? m.at() : lastPrank;
            } else if (m.kind() == Mark.Kind.SILENT) {
                silent += thisWeek ? 1 : 0;
            } else if (m.kind() == Mark.Kind.HUNG_UP) {
                hungUp += thisWeek ? 1 : 0;
            }
        }
        score = Math.max(0, score);
        int hour = 0;
        int day = 0;
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant dayAgo = now.minus(DAY);
        for (Instant a : e.arrivals) {
            if (!a.isBefore(dayAgo) && !a.isAfter(now)) {
                day++;
                hour += a.isBefore(hourAgo) ? 0 : 1;
            }
        }
        double rounded = Math.round(score * 100) / 100.0;
        // silent calls and hang-ups on answer weigh, but alone they never flag a number: a caller who cannot speak, or
        // whose line drops, is not a prankster until someone heard a prank from that number
        boolean flagged = !e.trusted && score >= policy.threshold() && lastPrank != null;
        return new Standing(rounded, flagged, e.trusted, pranks, silent, hungUp, lastPrank, hour, day, false);
    }

    /** The marks that count: set after the last clearing. */
    private static List<Mark> counted(Entry e) {
        return e.marks.values().stream().filter(m -> e.clearedAt == null || m.at().isAfter(e.clearedAt)).toList();
    }

    private double weightNow(Mark m, Instant now) {
        double ages = Math.max(0, Duration.between(m.at(), now).toMillis()) / (double) policy.halfLife().toMillis();
        return m.kind().weight() * Math.pow(0.5, ages);
    }

    private static String key(String call, Mark.Source source) {
        return call + "|" + source.name();
    }
}
