package id.siaga.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Numbers that prank again and again, and the station each belongs to: the one that took most of its prank calls in the
 * window (on a tie, the one it pranked last, then the lower station id, so the answer never wobbles between two
 * refreshes). The owning station and those above it follow the number up (the local Bhabinkamtibmas visits); anyone
 * else sees only its last digits ({@link #masked}).
 */
public final class PrankNumbers {

    /** Digits left visible of a number shown outside its owning station. */
    public static final int VISIBLE_DIGITS = 4;
    /** What stands for the hidden digits: always as many, so a masked number does not tell its length. */
    static final String HIDDEN = "•••••••";

    /**
     * One number: its prank calls in the scope asked about ({@code pranksInScope}) and everywhere, its owning station
     * and that station's share, and its latest prank call.
     */
    public record Prankster(String number, int pranksInScope, int pranks, String owner, int pranksAtOwner, Instant lastCall) {
    }

    private PrankNumbers() {
    }

    /**
     * The numbers of {@code rows} (each number's prank calls per station), most prank calls within the scope first
     * ({@code inScope} says which stations are), then most in all, then the latest; numbers with none in scope are left out.
     */
    public static List<Prankster> of(List<PrankHistory.NumberAtStation> rows, Predicate<String> inScope) {
        Map<String, List<PrankHistory.NumberAtStation>> byNumber = new LinkedHashMap<>();
        for (PrankHistory.NumberAtStation r : rows) {
            byNumber.computeIfAbsent(r.number(), n -> new ArrayList<>()).add(r);
        }
        List<Prankster> out = new ArrayList<>();
        for (Map.Entry<String, List<PrankHistory.NumberAtStation>> e : byNumber.entrySet()) {
            int inScopeCount = 0;
            int total = 0;
            Instant last = null;
            for (PrankHistory.NumberAtStation r : e.getValue()) {
                total += r.pranks();
                inScopeCount += inScope.test(r.station()) ? r.pranks() : 0;
                last = last == null || (r.lastCall() != null && r.lastCall().isAfter(last)) ? r.lastCall() : last;
            }
            if (inScopeCount == 0) {
                continue;
            }
            PrankHistory.NumberAtStation owner = owner(e.getValue());
            out.add(new Prankster(e.getKey(), inScopeCount, total, owner.station(), owner.pranks(), last));
        }
        out.sort(Comparator.comparingInt(Prankster::pranksInScope).reversed().thenComparing(Comparator.comparingInt(Prankster::pranks).reversed())
                .thenComparing(Prankster::lastCall, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Prankster::number));
        return out;
    }

    /** The station with most of the number's prank calls; on a tie the latest, then the lower id. */
    static PrankHistory.NumberAtStation owner(List<PrankHistory.NumberAtStation> stations) {
        return stations.stream().min(Comparator.comparingInt(PrankHistory.NumberAtStation::pranks).reversed()
                .thenComparing(PrankHistory.NumberAtStation::lastCall, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PrankHistory.NumberAtStation::station)).orElseThrow();
    }

    /** The number as shown outside its owning station: {@value #HIDDEN} and its last {@value #VISIBLE_DIGITS} digits. */
    public static String masked(String number) {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        return HIDDEN + digits.substring(Math.max(0, digits.length() - VISIBLE_DIGITS));
    }
}
