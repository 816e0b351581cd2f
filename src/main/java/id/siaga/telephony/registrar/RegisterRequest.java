package id.siaga.telephony.registrar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parts of a REGISTER that matter to the registrar, as plain values.
 *
 * @param aor the user part of the To URI: the position's SIP username, e.g. {@code op-3404-1}
 * @param authorization the {@code Authorization} header value for this server's realm, if the phone sent one
 * @param contacts every Contact, in order; empty for a query
 * @param expiresHeaderSeconds the {@code Expires} header, if present
 * @param callId the {@code Call-ID}
 * @param cseq the sequence number of the {@code CSeq} header
 */
public record RegisterRequest(String aor, Optional<String> authorization, List<RequestedContact> contacts, OptionalLong expiresHeaderSeconds,
        String callId, long cseq) {

    public RegisterRequest {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(expiresHeaderSeconds, "expiresHeaderSeconds");
        Objects.requireNonNull(callId, "callId");
        contacts = List.copyOf(contacts);
    }
}
