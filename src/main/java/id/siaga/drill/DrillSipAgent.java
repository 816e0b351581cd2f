package id.siaga.drill;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import id.siaga.telephony.sip.Slf4jServerLogger;
import id.siaga.telephony.sip.Slf4jStackLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill's SIP side, one user agent on its own port playing two parts against the real SIP edge: the
 * operators' phones (they REGISTER with their digest credentials, ring, and answer after a delay the drill
 * chooses, or never) and the citizens who dial 110 (an INVITE with SDP and a PIDF-LO location, a talk, a BYE;
 * or a CANCEL when they give up while it rings). Nothing here is a shortcut: the edge sees what a carrier's
 * trunk and desk phones would send.
 */
final class DrillSipAgent implements SipListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DrillSipAgent.class);

    /** What a phone does with a call: answer after this long, or let it ring (empty). */
    interface Phones {
        Optional<Duration> answerAfter(String sipUser);
    }

    private final String address;
    private final int port;
    private final String edge;
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Function<String, String> passwords;
    private final Phones phones;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "drill-sip");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong cseq = new AtomicLong(1);
    /** Phone side: INVITEs ringing here, by Call-ID, with the pending answer. */
    private final Map<String, Ringing> ringing = new ConcurrentHashMap<>();
    /** Caller side: our INVITEs, by Call-ID. */
    private final Map<String, Calling> calling = new ConcurrentHashMap<>();

    private record Ringing(ServerTransaction transaction, ScheduledFuture<?> answer) {
    }

    private static final class Calling {
        final ClientTransaction invite;
        final Duration talk;
        volatile boolean answered;
        volatile ScheduledFuture<?> abandon;

        Calling(ClientTransaction invite, Duration talk) {
            this.invite = invite;
            this.talk = talk;
        }
    }

    DrillSipAgent(String address, int port, String edgeAddress, int edgePort, Function<String, String> passwords, Phones phones) throws Exception {
        this.address = address;
        this.port = port;
        this.edge = edgeAddress + ":" + edgePort;
        this.passwords = passwords;
        this.phones = phones;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "siaga110-drill-" + port);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // the drill speaks UDP only; without these the RI makes its default TLS provider and policy, which warn five times
        // at every drill start that no keystore is set
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", DrillWithoutTls.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
        this.stack = factory.createSipStack(p);
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        ListeningPoint udp = stack.createListeningPoint(address, port, ListeningPoint.UDP);
        this.provider = stack.createSipProvider(udp);
        provider.addSipListener(this);
        stack.start();
    }

    // ---- the phones ----

    /** Registers the phone at the edge (digest answered with its password) for {@code expires}. */
    void register(String sipUser, Duration expires) throws Exception {
        SipURI registrar = addresses.createSipURI(null, edge);
        Address aor = addresses.createAddress(addresses.createSipURI(sipUser, edge.substring(0, edge.indexOf(':'))));
        Request r = messages.createRequest(registrar, Request.REGISTER, provider.getNewCallId(),
                headers.createCSeqHeader(cseq.getAndIncrement(), Request.REGISTER), headers.createFromHeader(aor, Long.toHexString(System.nanoTime())),
                headers.createToHeader(aor, null), List.of(headers.createViaHeader(address, port, "udp", null)), headers.createMaxForwardsHeader(70));
        r.addHeader(headers.createContactHeader(addresses.createAddress(addresses.createSipURI(sipUser, address + ":" + port))));
        r.addHeader(headers.createExpiresHeader((int) expires.toSeconds()));
        provider.getNewClientTransaction(r).sendRequest();
    }

    private void ring(RequestEvent event) throws Exception {
        Request invite = event.getRequest();
        ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction() : provider.getNewServerTransaction(invite);
        String user = ((SipURI) invite.getRequestURI()).getUser();
        String tag = Long.toHexString(System.nanoTime());
        Response ringingResponse = messages.createResponse(Response.RINGING, invite);
        ((ToHeader) ringingResponse.getHeader(ToHeader.NAME)).setTag(tag);
        st.sendResponse(ringingResponse);
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<Duration> after = phones.answerAfter(user);
        ScheduledFuture<?> answer = after.map(d -> timers.schedule(() -> answer(callId, user, tag), d.toMillis(), TimeUnit.MILLISECONDS))
                .orElse(null);
        ringing.put(callId, new Ringing(st, answer));
    }

    private void answer(String callId, String user, String tag) {
        Ringing r = ringing.remove(callId);
        if (r == null) {
            return;
        }
        try {
            Response ok = messages.createResponse(Response.OK, r.transaction().getRequest());
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(tag);
            ok.addHeader(headers.createContactHeader(addresses.createAddress(addresses.createSipURI(user, address + ":" + port))));
            ok.setContent(sdp(user), headers.createContentTypeHeader("application", "sdp"));
            r.transaction().sendResponse(ok);
        } catch (Exception e) {
            log.debug("drill phone {} could not answer {}: {}", user, callId, e.toString());
        }
    }

    // ---- the callers ----

    /** A citizen dials 110 from {@code number} at the point; talks {@code talk} once answered, or gives up after {@code giveUp}. */
    void dial(String number, double latitude, double longitude, double radiusMeters, Duration talk, Optional<Duration> giveUp) throws Exception {
        SipURI target = addresses.createSipURI("110", edge);
        Address from = addresses.createAddress(addresses.createSipURI(number, address + ":" + port));
        Request invite = messages.createRequest(target, Request.INVITE, provider.getNewCallId(),
                headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(from, Long.toHexString(System.nanoTime())),
                headers.createToHeader(addresses.createAddress(target), null), List.of(headers.createViaHeader(address, port, "udp", null)),
                headers.createMaxForwardsHeader(70));
        invite.addHeader(headers.createContactHeader(from));
        invite.addHeader(headers.createHeader("P-Asserted-Identity", "<tel:" + number + ">"));
        String cid = "loc" + Long.toHexString(System.nanoTime()) + "@drill.siaga110";
        invite.addHeader(headers.createHeader("Geolocation", "<cid:" + cid + ">"));
        invite.addHeader(headers.createHeader("Geolocation-Routing", "yes"));
        ContentTypeHeader multipart = headers.createContentTypeHeader("multipart", "mixed");
        multipart.setParameter("boundary", "drill-boundary");
        invite.setContent(body(number, cid, latitude, longitude, radiusMeters), multipart);
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        Calling call = new Calling(ct, talk);
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        calling.put(callId, call);
        ct.sendRequest();
        giveUp.ifPresent(d -> call.abandon = timers.schedule(() -> cancel(callId), d.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void cancel(String callId) {
        Calling call = calling.get(callId);
        if (call == null || call.answered) {
            return;
        }
        try {
            provider.getNewClientTransaction(call.invite.createCancel()).sendRequest();
        } catch (Exception e) {
            log.debug("drill caller could not give up on {}: {}", callId, e.toString());
        }
    }

    private void answered(ResponseEvent event, String callId) throws Exception {
        Calling call = calling.get(callId);
        Dialog dialog = event.getDialog();
        if (call == null || dialog == null) {
            return;
        }
        long number = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
        dialog.sendAck(dialog.createAck(number));
        if (call.answered) {
            return; // a retransmitted 2xx: ACKed again above
        }
        call.answered = true;
        if (call.abandon != null) {
            call.abandon.cancel(false);
        }
        timers.schedule(() -> hangUp(callId, dialog), call.talk.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void hangUp(String callId, Dialog dialog) {
        calling.remove(callId);
        try {
            dialog.sendRequest(provider.getNewClientTransaction(dialog.createRequest(Request.BYE)));
        } catch (Exception e) {
            log.debug("drill caller could not hang up {}: {}", callId, e.toString());
        }
    }

    // ---- the SIP listener ----

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> ring(event);
                case Request.CANCEL -> {
                    ServerTransaction st = provider.getNewServerTransaction(request);
                    st.sendResponse(messages.createResponse(Response.OK, request));
                    Ringing r = ringing.remove(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
                    if (r != null) {
                        if (r.answer() != null) {
                            r.answer().cancel(false);
                        }
                        r.transaction().sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, r.transaction().getRequest()));
                    }
                }
                case Request.ACK -> {
                    // the call is up
                }
                default -> {
                    ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                            : provider.getNewServerTransaction(request);
                    st.sendResponse(messages.createResponse(Response.OK, request));
                }
            }
        } catch (Exception e) {
            log.debug("drill agent: {} not handled: {}", request.getMethod(), e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseqHeader = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        int status = response.getStatusCode();
        try {
            if (cseqHeader.getMethod().equals(Request.REGISTER) && (status == 401 || status == 407)) {
                AuthenticationHelper auth = ((SipStackExt) stack).getAuthenticationHelper(new Accounts(), headers);
                auth.handleChallenge(response, event.getClientTransaction(), provider, 5).sendRequest();
            } else if (cseqHeader.getMethod().equals(Request.REGISTER) && status >= 300) {
                log.warn("drill phone registration refused: {} {}", status, response.getReasonPhrase());
            } else if (cseqHeader.getMethod().equals(Request.INVITE) && status >= 200 && status < 300) {
                answered(event, callId);
            } else if (cseqHeader.getMethod().equals(Request.INVITE) && status >= 300) {
                calling.remove(callId);
            }
        } catch (Exception e) {
            log.debug("drill agent: {} to {} not handled: {}", status, cseqHeader.getMethod(), e.toString());
        }
    }

    private final class Accounts implements AccountManager {
        @Override
        public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
            ToHeader to = (ToHeader) challenged.getRequest().getHeader(ToHeader.NAME);
            String user = ((SipURI) to.getAddress().getURI()).getUser();
            return new UserCredentials() {
                public String getUserName() {
                    return user;
                }

                public String getPassword() {
                    return passwords.apply(user);
                }

                public String getSipDomain() {
                    return realm;
                }
            };
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()) {
            calling.remove(((CallIdHeader) event.getClientTransaction().getRequest().getHeader(CallIdHeader.NAME)).getCallId());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /** Calls this agent has dialled and not yet finished; phones ringing here. */
    int callsInProgress() {
        return calling.size();
    }

    int phonesRinging() {
        return ringing.size();
    }

    private byte[] sdp(String user) {
        return ("v=0\r\no=" + user + " 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] body(String number, String cid, double lat, double lon, double radius) {
        String pidf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" \
                xmlns:gml="http://www.opengis.net/gml" xmlns:gs="http://www.opengis.net/pidflo/1.0" \
                xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="pres:%s@drill.siaga110">
                  <dm:device id="handset"><gp:geopriv><gp:location-info>
                    <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>%.6f %.6f</gml:pos>
                    <gs:radius uom="urn:ogc:def:uom:EPSG::9001">%.0f</gs:radius></gs:Circle>
                  </gp:location-info><gp:usage-rules/><gp:method>GPS</gp:method></gp:geopriv>
                  <dm:timestamp>%s</dm:timestamp></dm:device>
                </presence>
                """.formatted(number, lat, lon, radius, java.time.Instant.now());
        String text = "--drill-boundary\r\nContent-Type: application/sdp\r\n\r\n" + new String(sdp(number), StandardCharsets.UTF_8)
                + "--drill-boundary\r\nContent-Type: application/pidf+xml\r\nContent-ID: <" + cid + ">\r\n\r\n" + pidf
                + "\r\n--drill-boundary--\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        stack.stop();
    }
}
