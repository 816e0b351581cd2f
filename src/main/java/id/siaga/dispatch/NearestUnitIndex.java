package id.siaga.dispatch;

import id.siaga.location.Geodesy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>Updates and queries run concurrently without a global lock: each cell's members are arrays replaced when a
 * unit joins or leaves, with each member's position packed into one long written atomically in place when it
 * moves within the cell, and each entry's full position is one immutable snapshot behind a volatile field, so a
 * query sees every unit either where it was or where it is now, never half-moved, and lists it once. A query scans rings of cells around the point's
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
        /**
         * Where this entry probably is in its cell of each grid ({@link Grid#level}): a hint, checked before use
         * and corrected by a scan when wrong (while a unit changes cells it is briefly in two).
         */
        final int[] slots = new int[2];

        Entry(String unitId) {
            this.unitId = unitId;
        }
    }

    private static final VarHandle POSITIONS = MethodHandles.arrayElementVarHandle(long[].class);

    /**
     * A cell's members: the entries and, at the same index, each one's position packed into a long (latitude
     * and longitude in 1e-7 degrees, 1 cm). A query walks the packed positions, one contiguous array, and
     * reads an entry only when its position could make the list; in a city cell holding hundreds of units that
     * is the difference between a few hundred cache misses and a few.
     */
    private static final class Members {
        static final Members EMPTY = new Members(new Entry[0], new long[0]);
        final Entry[] entries;
        final long[] positions;

        Members(Entry[] entries, long[] positions) {
            this.entries = entries;
            this.positions = positions;
        }
    }

    /**
     * The units in one cell. Joining or leaving replaces the arrays (units change cells far less often than
     * they report positions); a move within the cell writes its packed position in place, atomically.
     */
    private static final class Cell {
        private final int level;
        volatile Members members = Members.EMPTY;

        Cell(int level) {
            this.level = level;
        }

        synchronized void add(Entry e, long packed) {
            Members m = members;
            int n = m.entries.length;
            Entry[] entries = Arrays.copyOf(m.entries, n + 1);
            long[] positions = Arrays.copyOf(m.positions, n + 1);
            entries[n] = e;
            positions[n] = packed;
            e.slots[level] = n;
            members = new Members(entries, positions);
        }

        synchronized void move(Entry e, long packed) {
            Members m = members;
            int slot = indexOf(m, e);
            if (slot >= 0) {
                POSITIONS.setRelease(m.positions, slot, packed);
            }
        }

        synchronized void remove(Entry e) {
            Members m = members;
            int i = indexOf(m, e);
            if (i < 0) {
                return;
            }
            int n = m.entries.length - 1;
            Entry[] entries = new Entry[n];
            long[] positions = new long[n];
            System.arraycopy(m.entries, 0, entries, 0, i);
            System.arraycopy(m.entries, i + 1, entries, i, n - i);
            System.arraycopy(m.positions, 0, positions, 0, i);
            System.arraycopy(m.positions, i + 1, positions, i, n - i);
            for (int j = i; j < n; j++) {
                entries[j].slots[level] = j;
            }
            members = new Members(entries, positions);
        }

        private int indexOf(Members m, Entry e) {
            int hint = e.slots[level];
            if (hint < m.entries.length && m.entries[hint] == e) {
                return hint;
            }
            for (int i = 0; i < m.entries.length; i++) {
                if (m.entries[i] == e) {
                    e.slots[level] = i;
                    return i;
                }
            }
            return -1;
        }
    }

    /** Latitude and longitude in 1e-7 degrees, each in 32 bits (±180° is ±1.8e9, inside an int). */
    static long pack(double latitude, double longitude) {
        return ((long) (int) Math.round(latitude * 1e7) << 32) | ((int) Math.round(longitude * 1e7) & 0xffffffffL);
    }

    static double packedLatitude(long packed) {
        return (int) (packed >> 32) * 1e-7;
    }

    static double packedLongitude(long packed) {
        return (int) packed * 1e-7;
    }

    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(Cell[].class);
    /** Cells per side of a block: a block is 32 × 32 cells, one array of 4 KB, rows contiguous. */
    private static final int BLOCK_SHIFT = 5;
    private static final int BLOCK = 1 << BLOCK_SHIFT;

    /**
     * One uniform grid of cells keyed by row and column, held in square blocks of cells: a query's rings
     * touch one to four blocks, found once each, and then walk arrays, instead of one hash lookup (and a few
     * cache misses) per cell, most of them empty.
     */
    private static final class Grid {
        final int level;
        final double cellDegrees;
        final Map<Long, Cell[]> blocks = new ConcurrentHashMap<>();

        Grid(int level, double cellDegrees) {
            this.level = level;
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

        void add(Entry e, long cell, long packed) {
            int row = (int) (cell >> 32);
            int col = (int) cell;
            Cell[] block = blocks.computeIfAbsent(key(row >> BLOCK_SHIFT, col >> BLOCK_SHIFT), b -> new Cell[BLOCK * BLOCK]);
            int slot = slotInBlock(row, col);
            Cell c = (Cell) CELLS.getAcquire(block, slot);
            if (c == null) {
                Cell created = new Cell(level);
                Cell raced = (Cell) CELLS.compareAndExchangeRelease(block, slot, null, created);
                c = raced == null ? created : raced;
            }
            c.add(e, packed);
        }

        void move(Entry e, long cell, long packed) {
            Cell c = cellAt((int) (cell >> 32), (int) cell);
            if (c != null) {
                c.move(e, packed);
            }
        }

        Cell cellAt(int row, int col) {
            Cell[] block = blocks.get(key(row >> BLOCK_SHIFT, col >> BLOCK_SHIFT));
            return block == null ? null : (Cell) CELLS.getAcquire(block, slotInBlock(row, col));
        }

        private static int slotInBlock(int row, int col) {
            return ((row & (BLOCK - 1)) << BLOCK_SHIFT) | (col & (BLOCK - 1));
        }

        void remove(Entry e, long cell) {
            Cell c = cellAt((int) (cell >> 32), (int) cell);
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
                long blockKey = Long.MIN_VALUE;
                Cell[] block = null;
                for (int r = row - ring; r <= row + ring; r++) {
                    boolean edgeRow = r == row - ring || r == row + ring;
                    int step = edgeRow ? 1 : Math.max(1, 2 * ring);
                    for (int c = col - ring; c <= col + ring; c += step) {
                        if (ring > 0 && cellFloorMeters(r - row, c - col, southOfCell, westOfCell, lonScale) > bound) {
                            continue;
                        }
                        long wanted = key(r >> BLOCK_SHIFT, c >> BLOCK_SHIFT);
                        if (wanted != blockKey) {
                            blockKey = wanted;
                            block = blocks.get(wanted);
                        }
                        Cell cell = block == null ? null : (Cell) CELLS.getAcquire(block, slotInBlock(r, c));
                        if (cell == null) {
                            continue;
                        }
                        Members members = cell.members;
                        long[] positions = members.positions;
                        // a flat lower bound on the packed positions first (1e-7° of rounding allowed for);
                        // the entry, and the trigonometry, only for units that could make the list
                        double boundDegrees = bound / Geodesy.METERS_PER_DEGREE / 0.999 + 2e-7;
                        double boundSquared = boundDegrees * boundDegrees;
                        for (int i = 0; i < positions.length; i++) {
                            long packed = (long) POSITIONS.getAcquire(positions, i);
                            double dy = packedLatitude(packed) - latitude;
                            double dx = (packedLongitude(packed) - longitude) * lonScale;
                            if (dx * dx + dy * dy > boundSquared) {
                                continue;
                            }
                            Located u = members.entries[i].located;
                            if (u == null || (freshSince != null && u.fixTime().isBefore(freshSince))) {
                                continue;
                            }
                            double d = Geodesy.distanceMeters(latitude, longitude, u.latitude(), u.longitude());
                            if (d > maxRadiusMeters || (found == k && d >= best[k - 1].distanceMeters()) || listed(best, found, u.unitId())) {
                                continue;
                            }
                            found = insert(best, found, new Near(u, d));
                            bound = found == k ? best[k - 1].distanceMeters() : maxRadiusMeters;
                            boundDegrees = bound / Geodesy.METERS_PER_DEGREE / 0.999 + 2e-7;
                            boundSquared = boundDegrees * boundDegrees;
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
        this.fine = new Grid(0, cellDegrees);
        this.coarse = new Grid(1, cellDegrees * COARSE_FACTOR);
    }

    /** Puts the unit at this position (adds it, or moves it). Thread-safe; one writer per unit at a time. */
    public void put(Located located) {
        long fineCell = fine.cellOf(located.latitude(), located.longitude());
        long coarseCell = coarse.cellOf(located.latitude(), located.longitude());
        Entry entry = entries.computeIfAbsent(located.unitId(), Entry::new);
        long packed = pack(located.latitude(), located.longitude());
        synchronized (entry) {
            Located before = entry.located;
            entry.located = located;
            if (before == null) {
                entry.fineCell = fineCell;
                entry.coarseCell = coarseCell;
                fine.add(entry, fineCell, packed);
                coarse.add(entry, coarseCell, packed);
                return;
            }
            if (entry.fineCell != fineCell) {
                fine.add(entry, fineCell, packed);
                fine.remove(entry, entry.fineCell);
                entry.fineCell = fineCell;
            } else {
                fine.move(entry, fineCell, packed);
            }
            if (entry.coarseCell != coarseCell) {
                coarse.add(entry, coarseCell, packed);
                coarse.remove(entry, entry.coarseCell);
                entry.coarseCell = coarseCell;
            } else {
                coarse.move(entry, coarseCell, packed);
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

    /**
     * Whether the unit is already in the list: a unit moving between cells while a query runs can be seen in
     * both, and must be listed once.
     */
    private static boolean listed(Near[] best, int found, String unitId) {
        for (int i = 0; i < found; i++) {
            if (best[i].unit().unitId().equals(unitId)) {
                return true;
            }
        }
        return false;
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
