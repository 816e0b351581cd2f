package id.siaga.location;

import java.util.OptionalInt;

/**
 * How many digits the MNCs of a country have. A cell identity string starts with MCC and MNC run together
 * ({@code 51010…}), and the MNC may have two digits or three; a known list of the country's networks
 * settles it. Implemented by {@link MobileNetworks}; {@link #INDONESIA} knows only MCC 510.
 */
@FunctionalInterface
public interface MncLengths {

    /** Indonesia's networks all have two-digit MNCs (Telkomsel 510-10, Indosat 510-01, XL 510-11, Tri 510-89 …). */
    MncLengths INDONESIA = mcc -> "510".equals(mcc) ? OptionalInt.of(2) : OptionalInt.empty();

    /** The MNC length of every network under {@code mcc}, or empty when unknown or mixed. */
    OptionalInt mncDigits(String mcc);
}
