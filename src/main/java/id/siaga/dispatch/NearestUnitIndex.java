package id.siaga.dispatch;

import id.siaga.location.Geodesy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
        long cell;

        Entry(String unitId) {
            this.unitId = unitId;
        }
    }

    /**
     * The units in one cell as an array replaced on every change (units change cells far less often than they
     * report positions), so a query walks a plain array.
     */
    private static final class Cell {
        private static final Entry[] EMPTY = new Entry[0];
        volatile Entry[] members = EMPTY;

        synchronized void add(Entry e) {
            Entry[] m = members;
            Entry[] grown = Arrays.copyOf(m, m.length + 1);
            grown[m.length] = e;
            members = grown;
        }

        synchronized boolean remove(Entry e) {
            Entry[] m = members;
            for (int i = 0; i < m.length; i++) {
                if (m[i] == e) {
                    Entry[] shrunk = new Entry[m.length - 1];
                    System.arraycopy(m, 0, shrunk, 0, i);
                    System.arraycopy(m, i + 1, shrunk, i, m.length - i - 1);
                    members = shrunk;
                    return true;
                }
            }
            return false;
        }
    }

    private final double cellDegrees;
    private final Map<Long, Cell> cells = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** How many units each block of BLOCK × BLOCK cells holds, so a search skips empty country quickly. */
    private final Map<Long, AtomicInteger> blocks = new ConcurrentHashMap<>();
    private static final int BLOCK = 16;
    private static final AtomicInteger ZERO = new AtomicInteger();

    /** @param cellDegrees grid cell size; 0.01° (about 1.1 km) suits city patrol densities */
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
                addToCell(entry, cell);
            } else if (entry.cell != cell) {
                addToCell(entry, cell);
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
        // metres per degree of longitude, at the most poleward latitude the search can reach (conservative)
        double reachDegrees = maxRadiusMeters / Geodesy.METERS_PER_DEGREE;
        double lonScale = Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + reachDegrees)));
        double southOfCell = (latitude + 90) - row * cellDegrees;
        double westOfCell = (longitude + 180) - col * cellDegrees;
        for (int ring = 0; ; ring++) {
            // nothing in ring r is nearer than the point's distance to its own cell's nearest edge plus (r - 1) cells
            double edgeDegrees = Math.min(Math.min(southOfCell, cellDegrees - southOfCell),
                    Math.min(westOfCell, cellDegrees - westOfCell) * lonScale);
            double ringFloorMeters = ring == 0 ? 0 : (edgeDegrees + (ring - 1) * cellDegrees * lonScale) * Geodesy.METERS_PER_DEGREE;
            if (ringFloorMeters > maxRadiusMeters || (found == k && ringFloorMeters > best[k - 1].distanceMeters())) {
                break;
            }
            double bound = found == k ? best[k - 1].distanceMeters() : maxRadiusMeters;
            for (int r = row - ring; r <= row + ring; r++) {
                boolean edgeRow = r == row - ring || r == row + ring;
                int step = edgeRow ? 1 : Math.max(1, 2 * ring);
                for (int c = col - ring; c <= col + ring; c += step) {
                    if (ring > 0 && cellFloorMeters(r - row, c - col, southOfCell, westOfCell, lonScale) > bound) {
                        continue;
                    }
                    if (blocks.getOrDefault(blockKey(r, c), ZERO).get() == 0) {
                        if (edgeRow) {
                            // the rest of this block's part of the row is empty too
                            c = Math.min(col + ring, Math.floorDiv(c, BLOCK) * BLOCK + BLOCK - 1);
                        }
                        continue;
                    }
                    Cell cell = cells.get(key(r, c));
                    if (cell == null) {
                        continue;
                    }
                    for (Entry e : cell.members) {
                        Located u = e.located;
                        if (u == null) {
                            continue;
                        }
                        // a flat lower bound first: the trigonometry only for units that could make the list
                        double dy = u.latitude() - latitude;
                        double dx = (u.longitude() - longitude) * lonScale;
                        double boundDegrees = bound / Geodesy.METERS_PER_DEGREE / 0.999;
                        if (dx * dx + dy * dy > boundDegrees * boundDegrees
                                || (freshSince != null && u.fixTime().isBefore(freshSince))) {
                            continue;
                        }
                        double d = Geodesy.distanceMeters(latitude, longitude, u.latitude(), u.longitude());
                        if (d > maxRadiusMeters || (found == k && d >= best[k - 1].distanceMeters())) {
                            continue;
                        }
                        found = insert(best, found, new Near(u, d));
                        bound = found == k ? best[k - 1].distanceMeters() : maxRadiusMeters;
                    }
                }
            }
        }
        return new ArrayList<>(Arrays.asList(best).subList(0, found));
    }

    /** A lower bound of the distance from the point to the cell {@code dr} rows and {@code dc} columns from its own. */
    private double cellFloorMeters(int dr, int dc, double southOfCell, double westOfCell, double lonScale) {
        double dy = dr > 0 ? (dr * cellDegrees - southOfCell) : dr < 0 ? (southOfCell - (dr + 1) * cellDegrees) : 0;
        double dx = dc > 0 ? (dc * cellDegrees - westOfCell) : dc < 0 ? (westOfCell - (dc + 1) * cellDegrees) : 0;
        dx *= lonScale;
        // chord in degrees is a lower bound of the great-circle distance up to the conservative longitude scale
        return Math.sqrt(dx * dx + dy * dy) * Geodesy.METERS_PER_DEGREE * 0.999;
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

    private void addToCell(Entry entry, long cell) {
        cells.computeIfAbsent(cell, c -> new Cell()).add(entry);
        blocks.computeIfAbsent(blockOfCell(cell), b -> new AtomicInteger()).incrementAndGet();
    }

    private void removeFromCell(Entry entry, long cell) {
        Cell c = cells.get(cell);
        if (c != null && c.remove(entry)) {
            blocks.get(blockOfCell(cell)).decrementAndGet();
        }
    }

    private static long blockKey(int row, int col) {
        return key(Math.floorDiv(row, BLOCK), Math.floorDiv(col, BLOCK));
    }

    private static long blockOfCell(long cell) {
        return blockKey((int) (cell >> 32), (int) cell);
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
