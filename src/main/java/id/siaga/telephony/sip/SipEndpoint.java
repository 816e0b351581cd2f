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

/**
 * The edge's end of the wire, as the parts that talk SIP for it use it: the JAIN-SIP provider that sends, the
 * factories that build messages, the address and port the edge listens on (for its Contact and Via), and the edge's
 * timer thread.
 */
record SipEndpoint(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
                   String address, int port, ScheduledExecutorService timers) {

    /** How long a held ACK waits for the caller's: Timer H, 64 × T1 (RFC 3261 §17.2.1). */
    static final Duration ACK_WAIT = Duration.ofSeconds(32);

    /** Our Contact, for requests and 2xx responses that open or refresh a dialog. */
    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI("siaga110", address);
        uri.setPort(port);
        uri.setTransportParam(transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** Runs {@code action} once the caller has had its chance to ACK. */
    void afterAckTimeout(Runnable action) {
        timers.schedule(action, ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
