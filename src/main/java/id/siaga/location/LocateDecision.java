package id.siaga.location;

/** How a point was given to a station. */
public enum LocateDecision {
    /** The point lies inside (or on the edge of) the station's polygon. */
    INSIDE,
    /** The point lies in no polygon; this was the nearest one within the configured distance. */
    NEAREST,
    /** The point lies in no polygon and none is near enough: the root (Mabes) takes it. */
    FALLBACK
}
