package id.siaga.location;

import java.util.Optional;

/**
 * A mobile network, as 3GPP TS 23.003 names it: the PLMN identity, a three-digit Mobile Country Code and a
 * two- or three-digit Mobile Network Code. Kept as digit strings because the leading zero of an MNC is part
 * of the code ({@code 510-01} is Indosat, and {@code 01} is not {@code 001}).
 */
public record MobileNetworkId(String mcc, String mnc) {

    public MobileNetworkId {
        if (mcc == null || !mcc.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("an MCC is three digits, got " + mcc);
        }
        if (mnc == null || !mnc.matches("[0-9]{2,3}")) {
            throw new IllegalArgumentException("an MNC is two or three digits, got " + mnc);
        }
    }

    /** The network, when both codes are well formed; empty otherwise. */
    public static Optional<MobileNetworkId> of(String mcc, String mnc) {
        if (mcc == null || mnc == null || !mcc.matches("[0-9]{3}") || !mnc.matches("[0-9]{2,3}")) {
            return Optional.empty();
        }
        return Optional.of(new MobileNetworkId(mcc, mnc));
    }

    /** {@code 510-10}, the way operators and logs write it. */
    @Override
    public String toString() {
        return mcc + "-" + mnc;
    }
}
