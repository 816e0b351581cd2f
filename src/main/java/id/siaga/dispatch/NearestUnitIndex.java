package id.siaga.dispatch;

import id.siaga.location.Geodesy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The units that could be sent now (AVAILABLE, with a position), on a uniform grid of latitude/longitude
 * cells, for "the k nearest to this point" while thousands of positions per second move them.
 *
 * <p>Updates and queries run concurrently without a global lock: each cell is a concurrent set, each entry's
 * position is one immutable snapshot behind a volatile field, so a query sees every unit either where it was
 * or where it is now, never half-moved. A query scans rings of cells around the point's cell and stops as soon
 * as the next ring cannot hold anything nearer than the k-th found (or at {@code maxRadiusMeters}).
 *
 * <p>Distances are great-circle metres; the grid only prunes. Not a domain decision in itself: the
 * {@link Recommender} ranks what it returns by ETA.
 */
public final class NearestUnitIndex {

    /** One unit's position as the index holds it. */
    public record Located(String unitId, UnitKind kind, double latitude, double longitude, Instant fixTime) {
    }

    /** A unit found near a point, with its distance. */
    public record Near(Located unit, double distanceMeters) {
    }

    private static final class Entry {
        final String unitId;
        volatile Located located;
        volatile long cell;

        Entry(String unitId) {
            this.unitId = unitId;
        }
    }

    private final double cellDegrees;
    private final Map<Long, Set<Entry>> cells = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param cellDegrees grid cell size; 0.02° (about 2.2 km) suits city patrol densities */
    public NearestUnitIndex(double cellDegrees) {
        if (!(cellDegrees > 0.0001 && cellDegrees <= 1)) {
            throw new IllegalArgumentException("cell size must be within 0.0001..1 degree, got " + cellDegrees);
        }
        this.cellDegrees = cellDegrees;
    }

    /** Puts the unit at this position (adds it, or moves it). Thread-safe; one writer per unit at a time. */
    public void put(Located located) {
        long cell = cellOf(located.latitude(), located.longitude());
        Entry entry = entries.computeIfAbsent(located.unitId(), Entry::new);
        synchronized (entry) {
            Located before = entry.located;
            entry.located = located;
            if (before == null) {
                entry.cell = cell;
                cells.computeIfAbsent(cell, c -> ConcurrentHashMap.newKeySet()).add(entry);
            } else if (entry.cell != cell) {
                cells.computeIfAbsent(cell, c -> ConcurrentHashMap.newKeySet()).add(entry);
                removeFromCell(entry, entry.cell);
                entry.cell = cell;
            }
        }
    }

    /** Takes the unit out (it was dispatched, went off duty or offline). */
    public void remove(String unitId) {
        Entry entry = entries.remove(unitId);
        if (entry != null) {
            synchronized (entry) {
                removeFromCell(entry, entry.cell);
            }
        }
    }

    public boolean contains(String unitId) {
        return entries.containsKey(unitId);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The {@code k} nearest units to the point within {@code maxRadiusMeters}, nearest first, skipping those
     * whose fix is older than {@code freshSince} (they are listed apart by the caller).
     */
    public List<Near> nearest(double latitude, double longitude, int k, double maxRadiusMeters, Instant freshSince) {
        if (k < 1) {
            return List.of();
        }
        Near[] best = new Near[k];
        int found = 0;
        int row = row(latitude);
        int col = col(longitude);
        double cellHeightMeters = cellDegrees * Geodesy.METERS_PER_DEGREE;
        for (int ring = 0; ; ring++) {
            // nothing in ring r or beyond is nearer than (r - 1) whole cells, a cell being narrowest at the ring's
            // latitude farthest from the equator
            double farLatitude = Math.min(89, Math.abs(latitude) + (ring + 1) * cellDegrees);
            double ringStepMeters = Math.min(cellHeightMeters, cellHeightMeters * Math.cos(Math.toRadians(farLatitude)));
            double ringFloorMeters = (ring - 1) * ringStepMeters;
            if (ring > 0 && (ringFloorMeters > maxRadiusMeters || (found == k && ringFloorMeters > best[k - 1].distanceMeters()))) {
                break;
            }
            for (int r = row - ring; r <= row + ring; r++) {
                boolean edgeRow = r == row - ring || r == row + ring;
                int step = edgeRow ? 1 : Math.max(1, 2 * ring);
                for (int c = col - ring; c <= col + ring; c += step) {
                    Set<Entry> cell = cells.get(key(r, c));
                    if (cell == null) {
                        continue;
                    }
                    for (Entry e : cell) {
                        Located u = e.located;
                        if (u == null || (freshSince != null && u.fixTime().isBefore(freshSince))) {
                            continue;
                        }
                        double d = Geodesy.distanceMeters(latitude, longitude, u.latitude(), u.longitude());
                        if (d > maxRadiusMeters || (found == k && d >= best[k - 1].distanceMeters())) {
                            continue;
                        }
                        found = insert(best, found, new Near(u, d));
                    }
                }
            }
        }
        return new ArrayList<>(Arrays.asList(best).subList(0, found));
    }

    private static int insert(Near[] best, int found, Near n) {
        int i = Math.min(found, best.length - 1);
        while (i > 0 && best[i - 1].distanceMeters() > n.distanceMeters()) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = n;
        return Math.min(found + 1, best.length);
    }

    private void removeFromCell(Entry entry, long cell) {
        Set<Entry> set = cells.get(cell);
        if (set != null) {
            set.remove(entry);
        }
    }

    private long cellOf(double latitude, double longitude) {
        return key(row(latitude), col(longitude));
    }

    private int row(double latitude) {
        return (int) Math.floor((latitude + 90) / cellDegrees);
    }

    private int col(double longitude) {
        return (int) Math.floor((longitude + 180) / cellDegrees);
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xffffffffL);
    }
}
