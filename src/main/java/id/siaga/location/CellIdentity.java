package id.siaga.location;

import java.util.Objects;

/**
 * A cell, globally: the radio, the network (MCC and MNC), the location or tracking area code and the cell
 * identity within the network. It is what P-Access-Network-Info tells about a caller on a mobile network,
 * and the key of the {@link CellTable}. Numbers are the plain values (the header writes them in hex, the
 * cell table in decimal), so both compare equal.
 */
public record CellIdentity(RadioType radio, MobileNetworkId network, int areaCode, long cellId) {

    public CellIdentity {
        Objects.requireNonNull(radio, "radio");
        Objects.requireNonNull(network, "network");
        if (areaCode < 0 || areaCode > radio.maxAreaCode()) {
            throw new IllegalArgumentException(radio + " " + radio.areaName() + " must be within 0.." + radio.maxAreaCode() + ", got " + areaCode);
        }
        if (cellId < 0 || cellId > radio.maxCellId()) {
            throw new IllegalArgumentException(radio + " " + radio.cellName() + " must be within 0.." + radio.maxCellId() + ", got " + cellId);
        }
    }

    /** {@code LTE 510-10 TAC 161 ECI 187448654}, for logs and the journal. */
    @Override
    public String toString() {
        return radio + " " + network + " " + radio.areaName() + " " + areaCode + " " + radio.cellName() + " " + cellId;
    }
}
