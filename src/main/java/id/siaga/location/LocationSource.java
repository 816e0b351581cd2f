package id.siaga.location;

/**
 * Where a caller's location came from. The resolver prefers them roughly in this order, and the journal
 * records the source with every routing decision so a wrong station can be traced back to its input.
 */
public enum LocationSource {
    /** PIDF-LO carried by value in the SIP INVITE (RFC 6442 / RFC 4119 / RFC 5491): the handset or the carrier's LIS. */
    PIDF_LO,
    /** Advanced Mobile Location from the handset (ETSI TS 103 625), by SMS or HTTPS. */
    AML,
    /** The serving cell from P-Access-Network-Info, looked up in the cell table. */
    CELL_ID,
    /** A fixed-line number's area code: the district at best. */
    NUMBER_PREFIX,
    /** Nothing better was known: a configured default position. */
    DEFAULT
}
