package id.siaga.location;

/**
 * The radio generation a cell belongs to, named as OpenCelliD's {@code radio} column names it, with the
 * widths of its area code and cell identity (3GPP TS 23.003). Two generations may reuse the same numbers
 * for different cells, so the radio is part of a cell's key.
 */
public enum RadioType {
    /** 2G, GERAN: location area code (16 bits) and cell identity (16 bits). */
    GSM("LAC", 16, "CI", 16),
    /** 3G, UTRAN: location area code (16 bits) and UTRAN cell id, RNC id and C-id (28 bits). */
    UMTS("LAC", 16, "UC-Id", 28),
    /** 4G, E-UTRAN: tracking area code (16 bits, 24 when the cell is on a 5G core) and E-UTRAN cell identity (28 bits). */
    LTE("TAC", 24, "ECI", 28),
    /** 5G, NR: tracking area code (24 bits) and NR cell identity (36 bits). */
    NR("TAC", 24, "NCI", 36);

    private final String areaName;
    private final int areaBits;
    private final String cellName;
    private final int cellBits;

    RadioType(String areaName, int areaBits, String cellName, int cellBits) {
        this.areaName = areaName;
        this.areaBits = areaBits;
        this.cellName = cellName;
        this.cellBits = cellBits;
    }

    /** LAC or TAC, for messages. */
    public String areaName() {
        return areaName;
    }

    /** CI, UC-Id, ECI or NCI, for messages. */
    public String cellName() {
        return cellName;
    }

    public int maxAreaCode() {
        return (1 << areaBits) - 1;
    }

    public long maxCellId() {
        return (1L << cellBits) - 1;
    }
}
