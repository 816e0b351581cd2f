package id.siaga.telephony.sip;

import gov.nist.javax.sip.stack.SIPServerTransaction;
import id.siaga.org.OperatorId;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.IncomingCall;
import id.siaga.telephony.PhoneNumbers;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import id.siaga.telephony.registrar.RegisterHandler;
import javax.sip.ClientTransaction;
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
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP front door: a JAIN-SIP stack listening on UDP and TCP. An INVITE to an emergency number becomes
 * an {@link IncomingCall}; responses and in-dialog requests from operator phones and callers become events
 * of the {@link CallCoordinator}. Requests to any other number get 404, unsupported methods 405, and the
 * stack itself answers malformed messages with 400 or drops them (RFC 3261 §16.3, §18.3).
 */
public final class SipEdge implements SipListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipEdge.class);
    static final String ALLOWED = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, UPDATE, INFO";

    /** Where and how the edge listens. */
    public record Settings(String address, int port, Set<String> emergencyNumbers, int maxMessageBytes, java.time.Duration keepAlive) {
    }

    final SipStack stack;
    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final Settings settings;
    private final CallCoordinator coordinator;
    private final CallerLocationReader locations;
    private final SipCallControl control;
    private final LocationDereferencer dereferencer;
    final Map<CallId, SipCall> calls = new ConcurrentHashMap<>();
    private final Map<String, SipCall> bySipCallId = new ConcurrentHashMap<>();
    final Map<String, SipCall.LegState> legsBySipCallId = new ConcurrentHashMap<>();
    final Map<String, SipCall> callOfLeg = new ConcurrentHashMap<>();

    private final SipRegistrations registrations;
    private final SipDialogRelay relay;
    private final java.util.concurrent.ScheduledExecutorService keepAlive = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sip-keepalive");
        t.setDaemon(true);
        return t;
    });

    private static final int UDP_BUFFER_BYTES = 4 * 1024 * 1024;

    public SipEdge(Settings settings, CallCoordinator coordinator, CallerLocationReader locations, LocationDereferencer dereferencer,
                   PhoneContacts phones, RegisterHandler registerHandler, BiConsumer<OperatorId, Boolean> reachability) throws Exception {
        this.settings = settings;
        this.dereferencer = dereferencer;
        this.coordinator = coordinator;
        this.locations = locations;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        this.stack = new IndexedCancelStack(stackProperties(settings, System.getProperties()));
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        ListeningPoint udp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.UDP);
        ListeningPoint tcp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.TCP);
        this.provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        provider.addSipListener(this);
        this.control = new SipCallControl(this, coordinator, phones);
        this.registrations = new SipRegistrations(this, registerHandler, reachability);
        this.relay = new SipDialogRelay(this);
        coordinator.attach(control);
        RetransmissionValve.EDGES.put(stack, this);
        stack.start();
        keepAlive.scheduleWithFixedDelay(this::ringAgain, settings.keepAlive().toMillis(), settings.keepAlive().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        log.info("SIP edge listening on {}:{} (UDP and TCP) for {}", settings.address(), settings.port(), settings.emergencyNumbers());
    }

    /** JAIN-SIP's settings for the edge; {@code jvm} (the system properties) may override any gov.nist.javax.sip one. */
    static Properties stackProperties(Settings settings, Properties jvm) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "siaga110-" + settings.port());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageBytes()));
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", "gov.nist.javax.sip.stack.NioMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        p.setProperty("gov.nist.javax.sip.CANCEL_CLIENT_TRANSACTION_CHECKED", "false");
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", RetransmissionValve.class.getName());
        // a burst of datagrams while the edge's threads wait for a core must queue in the kernel, not be dropped
        // (which costs the caller a retransmission, 500 ms): ask for 4 MB; Linux grants up to net.core.rmem_max
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        // the RI's own settings given to the JVM (-Dgov.nist.javax.sip.NAME=VALUE) win over the ones above
        for (String name : jvm.stringPropertyNames()) {
            if (name.startsWith("gov.nist.javax.sip.")) {
                p.setProperty(name, jvm.getProperty(name));
            }
        }
        return p;
    }

    // ---- requests --------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> onInvite(event);
                case Request.ACK -> onAck(request); // confirms the caller's dialog; with delayed offer it carries the SDP answer
                case Request.CANCEL -> onCancel(event);
                case Request.BYE -> onBye(event);
                case Request.UPDATE, Request.INFO -> relay.forward(event);
                case Request.OPTIONS -> respond(event, Response.OK);
                case Request.REGISTER -> {
                    ServerTransaction tx = serverTransaction(event);
                    if (tx != null) {
                        registrations.onRegister(request, tx);
                    }
                }
                default -> {
                    Response r = tagged(messages.createResponse(Response.METHOD_NOT_ALLOWED, request));
                    r.addHeader(headers.createAllowHeader(ALLOWED));
                    send(event, r);
                }
            }
        } catch (Exception e) {
            log.warn("failed to handle {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            try {
                respond(event, Response.SERVER_INTERNAL_ERROR);
            } catch (Exception ignored) {
                // the transaction is gone; the peer retransmits or gives up
            }
        }
    }

    private void onInvite(RequestEvent event) throws Exception {
        Request invite = event.getRequest();
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        if (to.getTag() != null) {
            relay.forward(event); // a re-INVITE inside an established call
            return;
        }
        ServerTransaction tx = serverTransaction(event);
        if (tx == null) {
            return; // a retransmission of an INVITE already being handled
        }
        String dialled = dialled(invite.getRequestURI());
        if (!settings.emergencyNumbers().contains(dialled)) {
            tx.sendResponse(tagged(messages.createResponse(Response.NOT_FOUND, invite)));
            return;
        }
        String contentType = header(invite, ContentTypeHeader.NAME);
        byte[] body = invite.getRawContent();
        java.util.Optional<byte[]> offer = SipBodies.sdp(contentType, body);
        if (offer.isPresent() && !SipBodies.looksLikeSdp(offer.get())) {
            Response bad = tagged(messages.createResponse(Response.NOT_ACCEPTABLE_HERE, invite));
            bad.addHeader(headers.createWarningHeader("siaga110", 399, "the SDP offer is not a session description"));
            tx.sendResponse(bad);
            return;
        }
        CallId id = CallId.random();
        SipCall call = new SipCall(id, tx, invite, tag(), offer.orElse(null));
        calls.put(id, call);
        bySipCallId.put(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), call);
        // the caller hears ringing at once. RFC 3261 §17.2.1 wants a 100 Trying only when no provisional response
        // goes out within 200 ms; one before the 180 would only delay it, so a 100 only if the 180 failed
        if (!control.ringbackOnArrival(call)) {
            tx.sendResponse(messages.createResponse(Response.TRYING, invite));
        }
        String caller = callerNumber(invite);
        CallerLocationReader.Result where = locations.read(new CallerLocationReader.Invite(allValues(invite, "Geolocation"),
                header(invite, "Geolocation-Routing"), contentType, body, allValues(invite, "P-Access-Network-Info"), caller));
        coordinator.offer(new IncomingCall(id, caller, dialled, where.routable(), where.displayOnly(), where.problem(), where.areaCodeStation(),
                sourceAddress(invite)));
        if (dereferencer.enabled()) {
            for (String reference : where.references()) {
                dereferencer.dereference(reference).thenAccept(r -> {
                    if (r.located()) {
                        coordinator.locationOfCall(id, r.fix().orElseThrow(), where.referencesRoutable(), "PIDF-LO by reference");
                    } else {
                        coordinator.locationProblem(id, r.problem());
                    }
                });
            }
        } else if (!where.references().isEmpty()) {
            coordinator.locationProblem(id, "location by reference (" + String.join(", ", where.references())
                    + ") not fetched: no location server is configured (siaga.location.dereference-hosts)");
        }
    }

    /**
     * The caller's ACK to our 2xx. When the caller sent its INVITE without SDP (delayed offer), the operator
     * phone's 2xx carried the offer and this ACK carries the caller's answer: the winning leg's ACK, held back
     * until now, goes out with it. A re-INVITE without SDP inside the call is handled the same way by the relay.
     */
    private void onAck(Request ack) {
        String sipCallId = ((CallIdHeader) ack.getHeader(CallIdHeader.NAME)).getCallId();
        SipCall call = bySipCallId.get(sipCallId);
        if (call != null) {
            control.callerAcked(call, ack);
        }
        relay.acked(ack);
    }

    private void onCancel(RequestEvent event) throws Exception {
        Request cancel = event.getRequest();
        ServerTransaction tx = serverTransaction(event);
        // the INVITE the stack matched by branch (RFC 3261 §9.2); the Call-ID alone if it could not
        ServerTransaction invite = tx == null ? null : cancelled(tx);
        SipCall byCallId = bySipCallId.get(((CallIdHeader) cancel.getHeader(CallIdHeader.NAME)).getCallId());
        SipCall call = invite == null || byCallId == null || byCallId.callerTx == invite ? byCallId : null;
        if (tx != null) {
            Response answer = messages.createResponse(call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, cancel);
            if (call != null) {
                // the same To-tag as the INVITE's responses (RFC 3261 §9.2)
                ((ToHeader) answer.getHeader(ToHeader.NAME)).setTag(call.callerToTag);
            }
            tx.sendResponse(tagged(answer));
        }
        if (call == null) {
            return;
        }
        // the 487 goes out from the call loop, after anything already queued for this call (its offer, a 180),
        // so no provisional response can follow or replace it
        coordinator.callerCancelled(call.id);
    }

    private void onBye(RequestEvent event) throws Exception {
        Request bye = event.getRequest();
        String sipCallId = ((CallIdHeader) bye.getHeader(CallIdHeader.NAME)).getCallId();
        ServerTransaction tx = serverTransaction(event);
        SipCall caller = bySipCallId.get(sipCallId);
        SipCall.LegState leg = legsBySipCallId.get(sipCallId);
        if (tx != null) {
            tx.sendResponse(messages.createResponse(caller == null && leg == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, bye));
        }
        if (caller != null) {
            coordinator.callerHungUp(caller.id); // the pipeline hangs up the operator's side and forgets the call
        } else if (leg != null && !leg.done) {
            SipCall call = callOfLeg.get(sipCallId);
            leg.done = true;
            if (call != null) {
                coordinator.operatorHungUp(call.id);
            }
        }
    }

    // ---- responses from operator phones ----------------------------------------------------------

    /** Repeated 2xx taken by {@link RetransmissionValve}, for the log. */
    private final java.util.concurrent.atomic.AtomicLong absorbed2xx = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Whether the stack should see this response. A phone's repeated 2xx to an INVITE whose first 2xx we have
     * (its transaction gone) is answered here with our ACK again, unless that ACK is still held for the caller's
     * SDP, and is not passed on.
     */
    boolean admitResponse(Response response) {
        if (response.getStatusCode() / 100 != 2) {
            return true;
        }
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
            return true;
        }
        CallIdHeader callId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        SipCall.LegState leg = callId == null ? null : legsBySipCallId.get(callId.getCallId());
        if (leg == null || leg.answer == null || leg.dialog == null) {
            return true; // the first 2xx, or not one of our legs: the stack handles it
        }
        long answered = ((CSeqHeader) leg.answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (cseq.getSeqNumber() != answered) {
            return true; // a re-INVITE's 2xx belongs to the relay
        }
        // RFC 3261 §13.2.2.4: every repeat of the 2xx gets our ACK again (the first may have been lost); while the ACK
        // is held for the caller's SDP there is none to repeat yet, and the held one goes out when the caller's comes
        if (!leg.ackHeld && leg.dialog instanceof gov.nist.javax.sip.stack.SIPDialog d && d.isAckSent(answered)) {
            try {
                d.resendAck();
            } catch (Exception e) {
                log.debug("ACK not re-sent to {}: {}", leg.leg.operator(), e.toString());
            }
        }
        absorbed2xx.incrementAndGet();
        return false;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (relay.relayResponse(event)) {
            return;
        }
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return; // responses to our CANCEL and BYE need nothing more
        }
        String sipCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        SipCall.LegState leg = legsBySipCallId.get(sipCallId);
        SipCall call = callOfLeg.get(sipCallId);
        if (leg == null || call == null) {
            return;
        }
        control.onLegResponse(call, leg, response, event.getDialog());
        if (response.getStatusCode() >= 300 && !calls.containsKey(call.id)) {
            legsBySipCallId.remove(sipCallId); // the call is over and this was its leg's last word
            callOfLeg.remove(sipCallId);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction tx = event.getClientTransaction();
        if (relay.timedOut(tx)) {
            return;
        }
        String sipCallId = ((CallIdHeader) tx.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        SipCall.LegState leg = legsBySipCallId.get(sipCallId);
        SipCall call = callOfLeg.get(sipCallId);
        if (leg != null && call != null && Request.INVITE.equals(tx.getRequest().getMethod())) {
            control.legGone(call, leg, Response.REQUEST_TIMEOUT, "the phone did not respond");
            if (!calls.containsKey(call.id)) {
                legsBySipCallId.remove(sipCallId);
                callOfLeg.remove(sipCallId);
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.warn("SIP transport error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    // ---- helpers ---------------------------------------------------------------------------------

    void register(SipCall call, SipCall.LegState leg) {
        legsBySipCallId.put(leg.sipCallId, leg);
        callOfLeg.put(leg.sipCallId, call);
    }

    /** The established call a SIP Call-ID belongs to, and whether it is the caller's side. */
    record Side(SipCall call, boolean callerSide) {
    }

    java.util.Optional<Side> sideOf(String sipCallId) {
        SipCall caller = bySipCallId.get(sipCallId);
        if (caller != null) {
            return java.util.Optional.of(new Side(caller, true));
        }
        SipCall call = callOfLeg.get(sipCallId);
        return call == null ? java.util.Optional.empty() : java.util.Optional.of(new Side(call, false));
    }

    void forget(SipCall call) {
        calls.remove(call.id);
        bySipCallId.remove(call.callerSipCallId(), call);
        for (SipCall.LegState leg : call.legs.values()) {
            if (leg.done || leg.answer != null) {
                legsBySipCallId.remove(leg.sipCallId);
                callOfLeg.remove(leg.sipCallId);
            } // a leg still ringing stays until its final response, so a CANCEL waiting for its 1xx still goes out
        }
    }

    private ServerTransaction serverTransaction(RequestEvent event) throws Exception {
        ServerTransaction tx = event.getServerTransaction();
        if (tx != null) {
            return tx;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        }
    }

    private void respond(RequestEvent event, int status) throws Exception {
        send(event, messages.createResponse(status, event.getRequest()));
    }

    private void send(RequestEvent event, Response response) throws Exception {
        ServerTransaction tx = serverTransaction(event);
        if (tx != null) {
            tx.sendResponse(response);
        } else if (!Request.ACK.equals(event.getRequest().getMethod())) {
            provider.sendResponse(response);
        }
    }

    /** The IP address the request's packet came from (the carrier trunk, or the phone itself); null if the stack did not say. */
    static String sourceAddress(Request request) {
        java.net.InetAddress from = request instanceof gov.nist.javax.sip.message.SIPMessage m ? m.getPeerPacketSourceAddress() : null;
        return from == null ? null : from.getHostAddress();
    }

    static String header(Request request, String name) {
        Header h = request.getHeader(name);
        if (h == null) {
            return null;
        }
        String s = h.toString();
        int colon = s.indexOf(':');
        return (colon < 0 ? s : s.substring(colon + 1)).trim();
    }

    /** Our Contact, for requests and 2xx responses that open or refresh a dialog. */
    javax.sip.header.ContactHeader contactHeader(String transport) throws Exception {
        SipURI uri = addresses.createSipURI("siaga110", settings.address());
        uri.setPort(settings.port());
        uri.setTransportParam(transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** A final response we send outside any dialog still carries a To-tag (RFC 3261 §8.2.6.2). */
    static Response tagged(Response response) throws java.text.ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null) {
            to.setTag(tag());
        }
        return response;
    }

    /** The transport a request came in on (from its top Via), for our Contact in answers to it. */
    static String transportOf(Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    /** Every header of that name, values joined with ", " as RFC 3261 §7.3.1 allows; null if none. */
    static String allValues(Request request, String name) {
        StringBuilder sb = new StringBuilder();
        for (java.util.ListIterator<?> it = request.getHeaders(name); it.hasNext(); ) {
            String s = it.next().toString();
            int colon = s.indexOf(':');
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append((colon < 0 ? s : s.substring(colon + 1)).trim());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The caller: P-Asserted-Identity from the trusted trunk, else From (RFC 3325). */
    static String callerNumber(Request invite) {
        String pai = header(invite, "P-Asserted-Identity");
        if (pai != null) {
            int lt = pai.indexOf('<');
            int gt = pai.indexOf('>', lt + 1);
            String uri = lt >= 0 && gt > lt ? pai.substring(lt + 1, gt) : pai.split("[,;]")[0];
            String n = PhoneNumbers.normalize(uri);
            if (!PhoneNumbers.ANONYMOUS.equals(n)) {
                return n;
            }
        }
        return PhoneNumbers.normalize(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
    }

    static String dialled(URI uri) {
        String user = uri instanceof SipURI sip ? sip.getUser() : uri.toString().replaceFirst("^(?i)(tel|urn):", "");
        if (user == null) {
            return "";
        }
        int semi = user.indexOf(';');
        return (semi >= 0 ? user.substring(0, semi) : user).trim().toLowerCase(Locale.ROOT);
    }

    static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The INVITE transaction a CANCEL refers to, for when the stack has matched it. */
    static ServerTransaction cancelled(ServerTransaction cancelTx) {
        return cancelTx instanceof SIPServerTransaction s ? s.getCanceledInviteTransaction() : null;
    }


    /** How long a held ACK waits for the caller's: Timer H, 64 × T1 (RFC 3261 §17.2.1). */
    static final java.time.Duration ACK_WAIT = java.time.Duration.ofSeconds(32);

    /** Runs {@code action} once the caller has had its chance to ACK. */
    void afterAckTimeout(Runnable action) {
        keepAlive.schedule(action, ACK_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Callers still waiting hear 180 again, so no proxy between them and us times the INVITE out. */
    private void ringAgain() {
        coordinator.ringWaitingCallersAgain();
    }

    @Override
    public void close() {
        log.info("SIP edge closing; {} repeated 2xx taken before the stack", absorbed2xx.get());
        RetransmissionValve.EDGES.remove(stack);
        keepAlive.shutdownNow();
        stack.stop();
    }
}
