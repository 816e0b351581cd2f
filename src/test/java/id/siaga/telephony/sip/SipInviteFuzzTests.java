package id.siaga.telephony.sip;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkCoordinates;

import com.code_intelligence.jazzer.junit.FuzzTest;
import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import id.siaga.location.AreaCodeTable;
import id.siaga.location.CellTable;
import id.siaga.location.LocationFix;
import id.siaga.location.MncLengths;
import id.siaga.org.StationTree;
import id.siaga.org.StationsCsvReader;
import id.siaga.support.Fuzzing;
import id.siaga.telephony.CallId;
import id.siaga.telephony.IncomingCall;
import id.siaga.telephony.PhoneNumbers;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIP message path up to the call pipeline, fuzzed from the bytes of a datagram (docs/FUZZING.md): JAIN-SIP's
 * parser and the checks its UDP channel makes before any listener sees a request, then what the edge does with an
 * INVITE (SipEdge.onInvite): the number dialled, the SDP offer, the caller's number, PIDF-LO by value, the serving
 * cell and the area code, into the {@link IncomingCall} the pipeline is offered.
 *
 * <p>Expected ends, each a defined refusal: the RI's {@link ParseException} (it answers 400), a request its channel
 * drops (a core header missing, CSeq not matching the method: an {@link Exception} the channel catches and logs), a
 * number that is not an emergency number (404), an offer that is not SDP (488). Anything else is a finding: an
 * exception from the edge's own code would cost the caller the call, and an {@link Error} out of the RI's parser kills
 * the UDP worker thread that met it (jain-sip-ri 1.3.0-91 catches only {@code Exception} there).
 */
class SipInviteFuzzTests {

    static {
        // the RI logs through the edge's logger once the edge's stack exists (gov.nist.javax.sip.STACK_LOGGER); without
        // one it would reach for log4j, which Siaga 110 does not ship
        CommonLogger.legacyLogger = new Slf4jStackLogger();
    }

    /** The emergency numbers as configured by default (siaga.telephony.emergency-numbers). */
    private static final Set<String> EMERGENCY_NUMBERS = Set.of("110", "112", "+62110");
    /** The demo region's tables: the cells and area codes the default run command loads. */
    private static final InviteLocations LOCATIONS = locations();

    static Stream<byte[]> invite() {
        return Stream.of("invite-by-reference.sip", "invite-pidf-body.sip", "invite-reference-and-value.sip", "invite-sleman-circle.sip")
                .flatMap(name -> {
                    byte[] captured = Fuzzing.resource("sip/" + name);
                    String text = new String(captured, StandardCharsets.ISO_8859_1);
                    // the captures were dialled as urn:service:sos.police; the edge answers 110 and 112
                    String dialled110 = text.replaceFirst("^INVITE \\S+", "INVITE sip:110@sbc.siaga110.polri.go.id;user=phone");
                    return Stream.of(captured, dialled110.getBytes(StandardCharsets.ISO_8859_1));
                });
    }

    @MethodSource
    @FuzzTest
    void invite(byte[] datagram) {
        SIPRequest invite = requestTheEdgeIsGiven(datagram);
        if (invite == null || !Request.INVITE.equals(invite.getMethod())) {
            return;
        }
        Optional<IncomingCall> call = offered(invite);
        call.ifPresent(SipInviteFuzzTests::checkCall);
    }

    /** The request the RI hands to the edge's listener, or null when its UDP channel answers or drops the datagram itself. */
    private static SIPRequest requestTheEdgeIsGiven(byte[] datagram) {
        SIPMessage message;
        try {
            message = new StringMsgParser().parseSIPMessage(datagram, true, false, CHANNEL);
            if (message instanceof SIPRequest request) {
                if (!"SIP/2.0".equals(request.getRequestLine().getSipVersion())) {
                    return null; // 505
                }
                if (!request.getMethod().equalsIgnoreCase(request.getCSeqHeader().getMethod())) {
                    return null; // 400
                }
            }
        } catch (ParseException e) {
            return null; // 400 Bad Request
        } catch (Exception e) {
            return null; // caught and logged by the channel's run loop: the datagram is dropped
        }
        if (!(message instanceof SIPRequest request) || request.getFrom() == null || request.getTo() == null
                || request.getCallId() == null || request.getCSeq() == null || request.getTopmostVia() == null) {
            return null; // no message (a keep-alive), a response, or a core header missing: dropped
        }
        return request;
    }

    /** SipEdge.onInvite up to coordinator.offer, without the transaction layer. */
    private static Optional<IncomingCall> offered(SIPRequest invite) {
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        if (to.getTag() != null) {
            return Optional.empty(); // a re-INVITE: relayed inside its call
        }
        String dialled = SipHeaders.dialled(invite.getRequestURI());
        if (!EMERGENCY_NUMBERS.contains(dialled)) {
            return Optional.empty(); // 404
        }
        String contentType = SipHeaders.header(invite, ContentTypeHeader.NAME);
        byte[] body = invite.getRawContent();
        Optional<byte[]> offer = SipBodies.sdp(contentType, body);
        if (offer.isPresent() && !SipBodies.looksLikeSdp(offer.get())) {
            return Optional.empty(); // 488
        }
        String caller = SipHeaders.callerNumber(invite);
        CallerLocationReader.Result where = LOCATIONS.read(new CallerLocationReader.Invite(SipHeaders.allValues(invite, "Geolocation"),
                SipHeaders.header(invite, "Geolocation-Routing"), contentType, body, SipHeaders.allValues(invite, "P-Access-Network-Info"),
                caller));
        return Optional.of(new IncomingCall(CallId.random(), caller, dialled, where.routable(), where.displayOnly(), where.problem(),
                where.areaCodeStation(), SipHeaders.sourceAddress(invite)));
    }

    private static void checkCall(IncomingCall call) {
        check(call.callerNumber() != null && (PhoneNumbers.ANONYMOUS.equals(call.callerNumber())
                || call.callerNumber().matches("\\+?[0-9]{3,22}")), () -> "caller number " + call.callerNumber());
        for (LocationFix fix : call.routable()) {
            checkCoordinates(fix.latitude(), fix.longitude(), "routable fix");
        }
        for (LocationFix fix : call.displayOnly()) {
            checkCoordinates(fix.latitude(), fix.longitude(), "display-only fix");
        }
        if (call.locationProblem() != null) {
            Fuzzing.checkReason(call.locationProblem(), "location problem");
            // the parsers' own answer to a bug of theirs opens a problem ("PIDF-LO parser bug (…)"; the cell's after
            // "P-Access-Network-Info unusable: "); the same words inside a value the problem quotes are the input's
            for (String part : call.locationProblem().split("; ")) {
                check(!part.startsWith("PIDF-LO parser bug") && !part.startsWith("P-Access-Network-Info unusable: P-Access-Network-Info parser bug"),
                        call::locationProblem);
            }
        }
    }

    /**
     * What the RI's UDP channel does with a header it cannot parse (UDPMessageChannel.handleException): a core header
     * makes the whole datagram a parse error, any other header is kept unparsed and the request goes on.
     */
    private static final ParseExceptionListener CHANNEL = (e, message, header, text, whole) -> {
        if (header != null && (header.equals(From.class) || header.equals(To.class) || header.equals(CSeq.class) || header.equals(Via.class)
                || header.equals(CallID.class) || header.equals(ContentLength.class) || header.equals(RequestLine.class)
                || header.equals(StatusLine.class))) {
            throw e;
        }
        message.addUnparsed(text);
    };

    private static InviteLocations locations() {
        StationTree stations = StationsCsvReader.read(demo("demo/stations.csv"), "demo/stations.csv");
        return new InviteLocations(CellTable.read(demo("demo/cells.csv"), "demo/cells.csv"), MncLengths.INDONESIA,
                AreaCodeTable.read(demo("demo/area-codes.csv"), "demo/area-codes.csv", stations));
    }

    private static Reader demo(String resource) {
        return new InputStreamReader(SipInviteFuzzTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8);
    }
}
