package id.siaga.telephony.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/**
 * The edge's end of the wire, as the parts that talk SIP for it use it: the JAIN-SIP provider that sends, the
 * factories that build messages, the address and ports the edge listens on (for its Contact and Via: {@code port} for
 * UDP and TCP, {@code tlsPort} for TLS, -1 when there is no TLS), and the edge's timer thread.
 */
record SipEndpoint(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
                   String address, int port, int tlsPort, ScheduledExecutorService timers) {

    /** How long a held ACK waits for the caller's: Timer H, 64 × T1 (RFC 3261 §17.2.1). */
    static final Duration ACK_WAIT = Duration.ofSeconds(32);

    /** The port the edge listens on for {@code transport} (udp, tcp, tls), for a Via or Contact of that transport. */
    int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port;
    }

    /**
     * Our Contact, for requests and 2xx responses that open or refresh a dialog: at the port of {@code transport}, so a
     * peer's in-dialog requests come back the same way. {@code sips} (a dialog opened with a SIPS URI, RFC 3261 §12.1.1,
     * §19.1): a {@code sips:} URI, TLS on every hop by its scheme; otherwise {@code sip:} with {@code ;transport=}.
     */
    ContactHeader contact(String transport, boolean sips) throws ParseException {
        SipURI uri = addresses.createSipURI("siaga110", address);
        uri.setPort(portFor(transport));
        if (sips) {
            uri.setSecure(true);
        } else {
            uri.setTransportParam(transport);
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** Our Contact in a 2xx to {@code request}: the transport it came over, and sips when it was sent to a SIPS URI. */
    ContactHeader contactFor(Request request) throws ParseException {
        return contact(SipHeaders.transportOf(request), request.getRequestURI().isSipURI() && ((SipURI) request.getRequestURI()).isSecure());
    }

    /** Runs {@code action} once the caller has had its chance to ACK. */
    void afterAckTimeout(Runnable action) {
        timers.schedule(action, ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
