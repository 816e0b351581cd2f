package id.siaga.location;

import java.util.Optional;

/**
 * A mobile network, as 3GPP TS 23.003 names it: the PLMN identity, a three-digit Mobile Country Code and a
 * two- or three-digit Mobile Network Code. Kept as digit strings because the leading zero of an MNC is part
 * of the code ({@code 510-01} is Indosat, and {@code 01} is not {@code 001}).
 */
public record MobileNetworkId(String mcc, String mnc) {

    public MobileNetworkId {
        if (!isMcc(mcc)) {
            throw new IllegalArgumentException("an MCC is three digits, got " + mcc);
        }
        if (!isMnc(mnc)) {
            throw new IllegalArgumentException("an MNC is two or three digits, got " + mnc);
        }
    }

    /** The network, when both codes are well formed; empty otherwise. */
    public static Optional<MobileNetworkId> of(String mcc, String mnc) {
        if (!isMcc(mcc) || !isMnc(mnc)) {
            return Optional.empty();
        }
        return Optional.of(new MobileNetworkId(mcc, mnc));
    }

    private static boolean isMcc(String mcc) {
        return mcc != null && AmlValues.digits(mcc, 3, 3);
    }

    private static boolean isMnc(String mnc) {
        return mnc != null && AmlValues.digits(mnc, 2, 3);
    }

    /** {@code 510-10}, the way operators and logs write it. */
    @Override
    public String toString() {
        return mcc + "-" + mnc;
    }
}
