package id.siaga.telephony.registrar;

import java.util.Objects;

/**
 * How an operator position's SIP phone is reached: it registers with its own digest credentials, or it
 * sits at a fixed contact given in configuration (a phone on a trusted station LAN, a PBX extension).
 */
public sealed interface OperatorPhone {

    /**
     * The phone REGISTERs as {@code sipUsername}, which is both its digest username and its address-of-record,
     * and is rung wherever its current bindings say.
     */
    record Registering(String sipUsername, DigestCredential credential) implements OperatorPhone {

        public Registering {
            Objects.requireNonNull(credential, "credential");
            if (sipUsername == null || !sipUsername.matches("[A-Za-z0-9][A-Za-z0-9._~!$&'()*+,;=-]{0,63}")) {
                throw new IllegalArgumentException("a SIP username must be 1-64 characters allowed in a SIP user part, got '"
                        + sipUsername + "'");
            }
        }
    }

    /** The phone is always rung at this {@code sip:} or {@code sips:} URI and never registers. */
    record Static(String contactUri) implements OperatorPhone {

        public Static {
            if (contactUri == null || !contactUri.matches("sips?:.+")
                    || contactUri.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '<' || c == '>')) {
                throw new IllegalArgumentException("a static phone contact must be a sip: or sips: URI without spaces or brackets, got '"
                        + contactUri + "'");
            }
        }
    }
}
