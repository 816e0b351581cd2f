package id.siaga.telephony.sip;

import id.siaga.journal.Journal;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallerWatch;
import id.siaga.telephony.IncomingCall;
import id.siaga.telephony.event.CallRefused;
import id.siaga.telephony.media.DtmfEvent;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.registrar.RegisterHandler;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
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
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP front door: a JAIN-SIP stack listening on UDP and TCP, and on TLS when configured. An INVITE to an emergency number becomes
 * an {@link IncomingCall}; responses and in-dialog requests from operator phones and callers become events
 * of the {@link CallCoordinator}. Requests to any other number get 404, unsupported methods 405, and the
 * stack itself answers malformed messages with 400 or drops them (RFC 3261 §16.3, §18.3).
 *
 * <p>Once the server begins to stop ({@link #refuseNewCalls}), a new call, a REGISTER and an OPTIONS from outside a
 * call get 503: a cluster's SIP front (Kamailio's dispatcher) then sends calls to another node and, from its OPTIONS
 * probes, takes this one out of rotation before it has gone. Requests inside calls go on as before.
 *
 * <p>In a cluster the node may also be fenced ({@link #fencedWhile}: it has not renewed its lease lately and may be taken
 * over at any moment). An OPTIONS from outside a call is then answered 503 too, so the front sends new calls to the other
 * nodes; but a new call that still reaches this node is taken: a 110 caller is never refused by a node that can ring
 * operators (with the database away it journals to its spool).
 */
public final class SipEdge implements SipListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipEdge.class);
    static final String ALLOWED = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, UPDATE, INFO";

    /** Where and how the edge listens: UDP and TCP on {@code port}, TLS as {@code tls} says when present. */
    public record Settings(String address, int port, Set<String> emergencyNumbers, int maxMessageBytes, Duration keepAlive,
                           Optional<SipTls> tls) {

        /** Without TLS. */
        public Settings(String address, int port, Set<String> emergencyNumbers, int maxMessageBytes, Duration keepAlive) {
            this(address, port, emergencyNumbers, maxMessageBytes, keepAlive, Optional.empty());
        }

        public Settings {
            tls = tls == null ? Optional.empty() : tls;
            if (tls.isPresent() && tls.get().port() == port) {
                throw new IllegalArgumentException("SIP over TLS needs a port of its own; " + port + " already takes TCP");
            }
        }
    }

    private final EdgeSipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final Settings settings;
    private final CallCoordinator coordinator;
    private final CallerLocationReader locations;
    private final LocationDereferencer dereferencer;
    private final SipCalls calls = new SipCalls();
    private final RetransmissionValve retransmissions = new RetransmissionValve(calls);
    private final SipCallControl control;
    private final SipMedia media;
    private final SipCallerProbe probes;
    private final SipRegistrations registrations;
    private final SipDialogRelay relay;
    private volatile boolean refusingNewCalls;
    private volatile BooleanSupplier fenced = () -> false;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sip-keepalive");
        t.setDaemon(true);
        return t;
    });

    public SipEdge(Settings settings, CallCoordinator coordinator, CallerLocationReader locations, LocationDereferencer dereferencer,
                   PhoneContacts phones, RegisterHandler registerHandler, BiConsumer<OperatorId, Boolean> reachability) throws Exception {
        this.settings = settings;
        this.dereferencer = dereferencer;
        this.coordinator = coordinator;
        this.locations = locations;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        this.stack = new EdgeSipStack(EdgeStackProperties.of(settings, System.getProperties()), settings.tls());
        stack.sipMessageValves.add(retransmissions); // before the stack starts: no message passes without it
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        ListeningPoint udp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.UDP);
        ListeningPoint tcp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.TCP);
        this.provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        if (settings.tls().isPresent()) {
            provider.addListeningPoint(stack.createListeningPoint(settings.address(), settings.tls().get().port(), ListeningPoint.TLS));
        }
        provider.addSipListener(this);
        SipEndpoint endpoint = new SipEndpoint(provider, messages, headers, factory.createAddressFactory(),
                settings.address(), settings.port(), settings.tls().map(SipTls::port).orElse(-1), timers);
        this.probes = new SipCallerProbe(stack, endpoint, calls, coordinator);
        this.media = new SipMedia(calls, endpoint, coordinator);
        this.control = new SipCallControl(endpoint, calls, coordinator, phones, probes, media);
        this.registrations = new SipRegistrations(endpoint, registerHandler, reachability);
        this.relay = new SipDialogRelay(endpoint, calls, media);
        coordinator.attach(control);
        coordinator.attach(media);
        stack.start();
        timers.scheduleWithFixedDelay(this::ringAgain, settings.keepAlive().toMillis(), settings.keepAlive().toMillis(), TimeUnit.MILLISECONDS);
        log.info("SIP edge listening on {}:{} (UDP and TCP){} for {}", settings.address(), settings.port(),
                settings.tls().map(t -> " and " + settings.address() + ":" + t.port() + " (TLS, " + String.join(", ", t.protocols())
                        + ", client certificates " + t.clientAuth().name().toLowerCase(java.util.Locale.ROOT) + ")").orElse(""),
                settings.emergencyNumbers());
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
                case Request.OPTIONS -> send(event, withAllow(SipHeaders.tagged(messages.createResponse(optionsStatus(request),
                        request)))); // RFC 3261 §11.2
                case Request.REGISTER -> {
                    if (refusingNewCalls) {
                        respond(event, Response.SERVICE_UNAVAILABLE); // the phone registers with another node
                        return;
                    }
                    ServerTransaction tx = serverTransaction(event);
                    if (tx != null) {
                        registrations.onRegister(request, tx);
                    }
                }
                default -> send(event, withAllow(SipHeaders.tagged(messages.createResponse(Response.METHOD_NOT_ALLOWED, request))));
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
        String dialled = SipHeaders.dialled(invite.getRequestURI());
        if (!settings.emergencyNumbers().contains(dialled)) {
            refuse(event, messages.createResponse(Response.NOT_FOUND, invite));
            return;
        }
        if (refusingNewCalls) {
            // journalled like any refusal; the caller's carrier or the cluster's front tries another node
            refuse(event, messages.createResponse(Response.SERVICE_UNAVAILABLE, invite));
            coordinator.refusedOnArrival(new CallRefused(CallId.random(), Response.SERVICE_UNAVAILABLE, SipHeaders.callerNumber(invite),
                    SipHeaders.sourceAddress(invite), "the server is stopping: a new call is refused so it can be placed with another node"));
            return;
        }
        String contentType = SipHeaders.header(invite, ContentTypeHeader.NAME);
        byte[] body = invite.getRawContent();
        Optional<byte[]> offer = SipBodies.sdp(contentType, body);
        if (offer.isPresent() && !SipBodies.looksLikeSdp(offer.get())) {
            Response bad = messages.createResponse(Response.NOT_ACCEPTABLE_HERE, invite);
            bad.addHeader(headers.createWarningHeader("siaga110", 399, "the SDP offer is not a session description"));
            refuse(event, bad);
            return;
        }
        CallId id = CallId.random();
        String caller = SipHeaders.callerNumber(invite);
        String source = SipHeaders.sourceAddress(invite);
        // the per-source limit before the caller hears anything: a refused INVITE gets its 503 and nothing else
        CallerWatch watch = coordinator.callerWatch();
        String limited = watch.limits(source) ? source : null;
        if (limited != null && !calls.takePlace(limited, watch.maxUnansweredPerSource())) {
            CallRefused refused = watch.refusal(id, caller, source, watch.maxUnansweredPerSource()).orElseThrow();
            refuse(event, messages.createResponse(refused.status(), invite));
            coordinator.refusedOnArrival(refused);
            return;
        }
        ServerTransaction tx = null;
        try {
            tx = serverTransaction(event);
        } finally {
            if (tx == null && limited != null) {
                calls.givePlaceBack(limited); // a retransmission of an INVITE already being handled, or no transaction
            }
        }
        if (tx == null) {
            return;
        }
        SipCall call = new SipCall(id, tx, invite, SipHeaders.tag(), offer.orElse(null), limited);
        calls.admit(call);
        // the caller hears ringing at once. RFC 3261 §17.2.1 wants a 100 Trying only when no provisional response
        // goes out within 200 ms; one before the 180 would only delay it, so a 100 only if the 180 failed
        if (!control.ringbackOnArrival(call)) {
            tx.sendResponse(messages.createResponse(Response.TRYING, invite));
        }
        CallerLocationReader.Result where;
        try {
            where = locations.read(new CallerLocationReader.Invite(SipHeaders.allValues(invite, "Geolocation"),
                    SipHeaders.header(invite, "Geolocation-Routing"), contentType, body, SipHeaders.allValues(invite, "P-Access-Network-Info"),
                    caller));
        } catch (RuntimeException e) {
            // never a call the pipeline does not know of, holding its source's place: the caller is told at once
            control.finishCaller(call, Response.SERVER_INTERNAL_ERROR, null);
            calls.forget(call);
            throw e;
        }
        coordinator.offer(new IncomingCall(id, caller, dialled, where.routable(), where.displayOnly(), where.problem(), where.areaCodeStation(),
                source));
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
        calls.ofCaller(callIdOf(ack)).ifPresent(call -> control.callerAcked(call, ack));
        relay.acked(ack);
    }

    private void onCancel(RequestEvent event) throws Exception {
        Request cancel = event.getRequest();
        ServerTransaction tx = serverTransaction(event);
        // the INVITE the stack matched by branch (RFC 3261 §9.2); the Call-ID alone if it could not
        ServerTransaction invite = tx == null ? null : cancelled(tx);
        SipCall byCallId = calls.ofCaller(callIdOf(cancel)).orElse(null);
        SipCall call = invite == null || byCallId == null || byCallId.callerTx == invite ? byCallId : null;
        if (tx != null) {
            Response answer = messages.createResponse(call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, cancel);
            if (call != null) {
                // the same To-tag as the INVITE's responses (RFC 3261 §9.2)
                ((ToHeader) answer.getHeader(ToHeader.NAME)).setTag(call.callerToTag);
            }
            tx.sendResponse(SipHeaders.tagged(answer));
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
        String sipCallId = callIdOf(bye);
        ServerTransaction tx = serverTransaction(event);
        SipCall caller = calls.ofCaller(sipCallId).orElse(null);
        SipCall.LegState leg = calls.leg(sipCallId).orElse(null);
        if (tx != null) {
            tx.sendResponse(messages.createResponse(caller == null && leg == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, bye));
        }
        if (caller != null) {
            coordinator.callerHungUp(caller.id); // the pipeline hangs up the operator's side and forgets the call
        } else if (leg != null && !leg.done) {
            leg.done = true;
            coordinator.operatorHungUp(leg.call.id);
        }
    }

    // ---- responses and timeouts ------------------------------------------------------------------

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (probes.answered(event) || relay.relayResponse(event)) {
            return;
        }
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return; // responses to our CANCEL and BYE need nothing more
        }
        SipCall.LegState leg = calls.leg(callIdOf(response)).orElse(null);
        if (leg == null) {
            return;
        }
        control.onLegResponse(leg, response, event.getDialog());
        if (response.getStatusCode() >= 300) {
            calls.legFinished(leg); // once the call is over, this was its leg's last word
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction tx = event.getClientTransaction();
        if (relay.timedOut(tx) || probes.timedOut(tx)) {
            return;
        }
        SipCall.LegState leg = calls.leg(callIdOf(tx.getRequest())).orElse(null);
        if (leg != null && Request.INVITE.equals(tx.getRequest().getMethod())) {
            control.legGone(leg, Response.REQUEST_TIMEOUT, "the phone did not respond");
            calls.legFinished(leg);
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

    /** A request inside a dialog carries the To-tag the dialog's other end gave (RFC 3261 §12.2). */
    private static boolean inDialog(Request request) {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    }

    private static String callIdOf(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
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

    /** The methods the edge takes, for a 405 and for a 200 to OPTIONS. */
    private Response withAllow(Response response) throws ParseException {
        response.addHeader(headers.createAllowHeader(ALLOWED));
        return response;
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

    /**
     * The final answer to an INVITE refused as it arrived: a number that is not an emergency number, an offer that is not
     * SDP, a source over its limit. Over UDP it goes out without a server transaction, as a stateless UAS answers (RFC
     * 3261 §8.2.7): a transaction repeats a final non-2xx response until the ACK (Timer G, eleven copies in 32 s), and a
     * forged INVITE never ACKs, so every refusal sent eleven datagrams to whatever address the INVITE claimed to come
     * from, a reflection amplifier. Now each INVITE that arrives gets one answer; a repeat of it gets the same one again
     * (the To-tag derives from the request). Over TCP and TLS the transaction answers, on the caller's connection, and
     * nothing is repeated there.
     */
    private void refuse(RequestEvent event, Response response) throws Exception {
        Request request = event.getRequest();
        ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(SipHeaders.statelessTag(request));
        if (ListeningPoint.UDP.equalsIgnoreCase(SipHeaders.transportOf(request))) {
            provider.sendResponse(response);
            return;
        }
        ServerTransaction tx = serverTransaction(event);
        if (tx != null) {
            tx.sendResponse(response);
        }
    }

    /** The INVITE transaction a CANCEL refers to, for when the stack has matched it. */
    private static ServerTransaction cancelled(ServerTransaction cancelTx) {
        return cancelTx instanceof SIPServerTransaction s ? s.getCanceledInviteTransaction() : null;
    }

    /** The edge's call control, for tests of what the call pipeline asks of it. */
    SipCallControl callControl() {
        return control;
    }

    /** Callers still waiting hear 180 again, so no proxy between them and us times the INVITE out. */
    private void ringAgain() {
        coordinator.ringWaitingCallersAgain();
    }

    /**
     * Turns the media plane on (docs/MEDIA.md): calls offered from now on are anchored through {@code rtpengine} and
     * recorded, each recording handed to {@code recorded} once its call ends; waiting callers hear the prompts of
     * {@code promptDir} ({@code NAME.wav}, a directory rtpengine can read); a call rtpengine cannot take goes on
     * unanchored, reported to the call loop (shown on the call, journalled {@code MediaUnavailable}); where each call is
     * recorded is journalled in {@code journal} ({@code RecordingStarted}), so a restart finishes its recording.
     */
    public void useMediaPlane(Rtpengine rtpengine, Path promptDir, Journal journal, MediaRecordings recorded) {
        media.use(rtpengine, promptDir, journal, recorded::ended);
        log.info("SIP edge: calls anchored through rtpengine, prompts from {}", promptDir);
    }

    /** Where the recording of each anchored call goes once it ended (see {@link SipMedia.Recorded}). */
    @FunctionalInterface
    public interface MediaRecordings {
        void ended(CallId call, StationId station, Path pcap, String sdpForCaller);
    }

    /**
     * Whether this server carries the call's media now: anchored on rtpengine and its recording not yet handed to the
     * recordings. The recovery of recordings at start leaves such a call alone.
     */
    public boolean carriesMedia(CallId call) {
        return media.carries(call);
    }

    /** A keypress rtpengine reported (its DTMF log): shown on its call, journalled as {@code KeyPressed}. */
    public void keyPressed(DtmfEvent event) {
        media.keyPressed(event);
    }

    /**
     * The server is stopping: from now on new calls, REGISTERs and OPTIONS from outside a call are answered 503 (see the
     * class comment). Calls in progress go on until the call path closes them.
     */
    public void refuseNewCalls() {
        refusingNewCalls = true;
        log.info("SIP edge stopping: new calls, REGISTERs and OPTIONS are answered 503 from now on");
    }

    /**
     * The call path runs again after a stop that did not end the application (Spring stops and starts the lifecycle of a
     * context it pauses, as its test framework does between test classes): new calls are taken again.
     */
    public void acceptNewCalls() {
        if (refusingNewCalls) {
            refusingNewCalls = false;
            log.info("SIP edge taking new calls again");
        }
    }

    /**
     * While {@code fenced} says so, an OPTIONS from outside a call is answered 503 (the cluster's front then sends new calls
     * elsewhere); new calls, REGISTERs and requests inside calls are handled as ever. Asked at each OPTIONS, so it must be
     * quick and never wait on the database.
     */
    public void fencedWhile(BooleanSupplier fenced) {
        this.fenced = fenced;
    }

    /**
     * The user part of the request URI of the front's second probe, which asks only whether this node is alive and takes
     * calls: answered 200 even while fenced (503 while stopping, since a stopping node refuses new calls). The front
     * answers a carrier's OPTIONS 503 only when no node is alive this way.
     */
    public static final String ALIVE_PROBE_USER = "alive";

    private int optionsStatus(Request request) {
        if (inDialog(request)) {
            return Response.OK;
        }
        if (refusingNewCalls) {
            return Response.SERVICE_UNAVAILABLE;
        }
        boolean aliveProbe = request.getRequestURI() instanceof javax.sip.address.SipURI uri && ALIVE_PROBE_USER.equals(uri.getUser());
        return fenced.getAsBoolean() && !aliveProbe ? Response.SERVICE_UNAVAILABLE : Response.OK;
    }

    @Override
    public void close() {
        log.info("SIP edge closing; {} repeated 2xx taken before the stack", retransmissions.absorbed());
        media.close();
        timers.shutdownNow();
        stack.stop();
    }
}
