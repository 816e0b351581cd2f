package id.siaga.supervision;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;

/** Counts of moments per hour of the local day (0..23) in a station's zone: the "by hour" charts. */
public final class HourlyCounts {

    private HourlyCounts() {
    }

    /** Twenty-four counts; moments outside {@code [dayStart, dayStart + 24 h)} are left out. */
    public static int[] of(Collection<Instant> moments, Instant dayStart, ZoneId zone) {
        int[] counts = new int[24];
        Instant dayEnd = dayStart.atZone(zone).plusDays(1).toInstant();
        for (Instant at : moments) {
            if (!at.isBefore(dayStart) && at.isBefore(dayEnd)) {
                counts[at.atZone(zone).getHour()]++;
            }
        }
        return counts;
    }
}
