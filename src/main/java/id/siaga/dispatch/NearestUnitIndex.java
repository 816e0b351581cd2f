package id.siaga.dispatch;

import id.siaga.location.Geodesy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The units that could be sent now (AVAILABLE, with a position), on a uniform grid of latitude/longitude
 * cells, for "the k nearest to this point" while thousands of positions per second move them.
 *
 * <p>Updates and queries run concurrently without a global lock: each cell's members are an array replaced on
 * change, each entry's position is one immutable snapshot behind a volatile field, so a query sees every unit
 * either where it was or where it is now, never half-moved. A query scans rings of cells around the point's
 * cell and stops as soon as the next ring cannot hold anything nearer than the k-th found (or at
 * {@code maxRadiusMeters}).
 *
 * <p>Two grids: a fine one for cities, where the five nearest are within a few cells, and a coarse one
 * (16 × 16 fine cells each) for the countryside, where walking hundreds of empty fine cells would cost more
 * than scanning a few sparse coarse ones. A query tries the fine grid for a few rings and falls back to the
 * coarse one when that did not settle it.
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
        long fineCell;
        long coarseCell;

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

        synchronized void remove(Entry e) {
            Entry[] m = members;
            for (int i = 0; i < m.length; i++) {
                if (m[i] == e) {
                    Entry[] shrunk = new Entry[m.length - 1];
                    System.arraycopy(m, 0, shrunk, 0, i);
                    System.arraycopy(m, i + 1, shrunk, i, m.length - i - 1);
                    members = shrunk;
                    return;
                }
            }
        }
    }

    /** One uniform grid of cells keyed by row and column. */
    private static final class Grid {
        final double cellDegrees;
        final Map<Long, Cell> cells = new ConcurrentHashMap<>();

        Grid(double cellDegrees) {
            this.cellDegrees = cellDegrees;
        }

        long cellOf(double latitude, double longitude) {
            return key(row(latitude), col(longitude));
        }

        int row(double latitude) {
            return (int) Math.floor((latitude + 90) / cellDegrees);
        }

        int col(double longitude) {
            return (int) Math.floor((longitude + 180) / cellDegrees);
        }

        void add(Entry e, long cell) {
            cells.computeIfAbsent(cell, c -> new Cell()).add(e);
        }

        void remove(Entry e, long cell) {
            Cell c = cells.get(cell);
            if (c != null) {
                c.remove(e);
            }
        }

        /**
         * Ring search; returns how many of {@code best} it filled, or -1 when it reached {@code maxRings} before
         * the answer was certain (the caller then asks the coarser grid).
         */
        int search(double latitude, double longitude, Near[] best, double maxRadiusMeters, Instant freshSince, int maxRings) {
            int k = best.length;
            int found = 0;
            int row = row(latitude);
            int col = col(longitude);
            // metres per degree of longitude, at the most poleward latitude the search can reach (conservative)
            double reachDegrees = maxRadiusMeters / Geodesy.METERS_PER_DEGREE;
            double lonScale = Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + reachDegrees)));
            double southOfCell = (latitude + 90) - row * cellDegrees;
            double westOfCell = (longitude + 180) - col * cellDegrees;
            double edgeDegrees = Math.min(Math.min(southOfCell, cellDegrees - southOfCell), Math.min(westOfCell, cellDegrees - westOfCell) * lonScale);
            for (int ring = 0; ; ring++) {
                // nothing in ring r is nearer than the point's distance to its own cell's nearest edge plus (r - 1) cells
                double ringFloorMeters = ring == 0 ? 0 : (edgeDegrees + (ring - 1) * cellDegrees * lonScale) * Geodesy.METERS_PER_DEGREE;
                if (ringFloorMeters > maxRadiusMeters || (found == k && ringFloorMeters > best[k - 1].distanceMeters())) {
                    return found;
                }
                if (ring > maxRings) {
                    return -1;
                }
                double bound = found == k ? best[k - 1].distanceMeters() : maxRadiusMeters;
                for (int r = row - ring; r <= row + ring; r++) {
                    boolean edgeRow = r == row - ring || r == row + ring;
                    int step = edgeRow ? 1 : Math.max(1, 2 * ring);
                    for (int c = col - ring; c <= col + ring; c += step) {
                        if (ring > 0 && cellFloorMeters(r - row, c - col, southOfCell, westOfCell, lonScale) > bound) {
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
                            if (dx * dx + dy * dy > boundDegrees * boundDegrees || (freshSince != null && u.fixTime().isBefore(freshSince))) {
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
        }

        /** A lower bound of the distance from the point to the cell {@code dr} rows and {@code dc} columns from its own. */
        private double cellFloorMeters(int dr, int dc, double southOfCell, double westOfCell, double lonScale) {
            double dy = dr > 0 ? (dr * cellDegrees - southOfCell) : dr < 0 ? (southOfCell - (dr + 1) * cellDegrees) : 0;
            double dx = dc > 0 ? (dc * cellDegrees - westOfCell) : dc < 0 ? (westOfCell - (dc + 1) * cellDegrees) : 0;
            dx *= lonScale;
            // the flat distance in degrees bounds the great-circle distance from below, with the conservative longitude scale
            return Math.sqrt(dx * dx + dy * dy) * Geodesy.METERS_PER_DEGREE * 0.999;
        }
    }

    /** Fine rings tried before the coarse grid is asked: enough for any town with a few units per square kilometre. */
    private static final int FINE_RINGS = 3;
    private static final int COARSE_FACTOR = 16;

    private final Grid fine;
    private final Grid coarse;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param cellDegrees fine grid cell size; 0.01° (about 1.1 km) suits city patrol densities */
    public NearestUnitIndex(double cellDegrees) {
        if (!(cellDegrees > 0.0001 && cellDegrees <= 1)) {
            throw new IllegalArgumentException("cell size must be within 0.0001..1 degree, got " + cellDegrees);
        }
        this.fine = new Grid(cellDegrees);
        this.coarse = new Grid(cellDegrees * COARSE_FACTOR);
    }

    /** Puts the unit at this position (adds it, or moves it). Thread-safe; one writer per unit at a time. */
    public void put(Located located) {
        long fineCell = fine.cellOf(located.latitude(), located.longitude());
        long coarseCell = coarse.cellOf(located.latitude(), located.longitude());
        Entry entry = entries.computeIfAbsent(located.unitId(), Entry::new);
        synchronized (entry) {
            Located before = entry.located;
            entry.located = located;
            if (before == null) {
                entry.fineCell = fineCell;
                entry.coarseCell = coarseCell;
                fine.add(entry, fineCell);
                coarse.add(entry, coarseCell);
                return;
            }
            if (entry.fineCell != fineCell) {
                fine.add(entry, fineCell);
                fine.remove(entry, entry.fineCell);
                entry.fineCell = fineCell;
            }
            if (entry.coarseCell != coarseCell) {
                coarse.add(entry, coarseCell);
                coarse.remove(entry, entry.coarseCell);
                entry.coarseCell = coarseCell;
            }
        }
    }

    /** Takes the unit out (it was dispatched, went off duty or offline). */
    public void remove(String unitId) {
        Entry entry = entries.remove(unitId);
        if (entry != null) {
            synchronized (entry) {
                fine.remove(entry, entry.fineCell);
                coarse.remove(entry, entry.coarseCell);
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
        int found = fine.search(latitude, longitude, best, maxRadiusMeters, freshSince, FINE_RINGS);
        if (found < 0) {
            Arrays.fill(best, null);
            found = coarse.search(latitude, longitude, best, maxRadiusMeters, freshSince, Integer.MAX_VALUE);
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

    private static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xffffffffL);
    }
}
