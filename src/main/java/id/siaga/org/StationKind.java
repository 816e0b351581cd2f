package id.siaga.org;

/**
 * The kind of an answering point. Kinds are labels for people and for per-kind policy (ring times);
 * routing never assumes how many levels the tree has.
 */
public enum StationKind {
    /** Markas Besar Polri, the national headquarters: the root, the last tier that never gives up. */
    MABES,
    /** Kepolisian Daerah, a provincial headquarters. */
    POLDA,
    /** Kepolisian Resor (also Polresta, Polrestabes): a district or city. */
    POLRES,
    /** Kepolisian Sektor: a sub-district below a Polres. */
    POLSEK
}
