package id.siaga.telephony.sip;

import id.siaga.org.OperatorId;
import id.siaga.telephony.registrar.Binding;
import id.siaga.telephony.registrar.RegisterHandler;
import id.siaga.telephony.registrar.RegisterOutcome;
import id.siaga.telephony.registrar.RegisterReply;
import id.siaga.telephony.registrar.RegisterRequest;
import id.siaga.telephony.registrar.RequestedContact;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER from operator phones, translated to the registrar and back (RFC 3261 §10): 401 with a digest
 * challenge, 200 listing the bindings, 423 with Min-Expires, 400 or 403, and 500 with Retry-After when the
 * registrations' store is away (nothing was applied). A phone that registers or
 * unregisters is reported so presence can follow it.
 */
final class SipRegistrations {

    private static final Logger log = LoggerFactory.getLogger(SipRegistrations.class);

    /** Whether a position's phone became reachable (true) or not (false). */
    private final BiConsumer<OperatorId, Boolean> reachability;
    private final RegisterHandler handler;
    private final SipEndpoint endpoint;

    SipRegistrations(SipEndpoint endpoint, RegisterHandler handler, BiConsumer<OperatorId, Boolean> reachability) {
        this.endpoint = endpoint;
        this.handler = handler;
        this.reachability = reachability;
    }

    void onRegister(Request request, ServerTransaction tx) throws Exception {
        RegisterReply reply = handler.handle(translate(request));
        Response response;
        if (reply instanceof RegisterReply.Challenge c) {
            response = endpoint.messages().createResponse(Response.UNAUTHORIZED, request);
            response.addHeader(endpoint.headers().createHeader("WWW-Authenticate", c.challenge().headerValue()));
            c.refused().ifPresent(f -> log.info("REGISTER for {} refused: {}", aor(request), f));
        } else if (reply instanceof RegisterReply.Unavailable u) {
            response = endpoint.messages().createResponse(Response.SERVER_INTERNAL_ERROR, request);
            response.addHeader(endpoint.headers().createRetryAfterHeader((int) u.retryAfter().toSeconds()));
            log.warn("REGISTER for {} not applied, answered 500 with Retry-After {} s: {}", aor(request), u.retryAfter().toSeconds(), u.reason());
        } else if (reply instanceof RegisterReply.Forbidden f) {
            response = endpoint.messages().createResponse(Response.FORBIDDEN, request);
            log.warn("REGISTER for {} forbidden: {}", aor(request), f.reason());
        } else {
            RegisterReply.Registration r = (RegisterReply.Registration) reply;
            response = answer(request, r);
        }
        tx.sendResponse(response);
    }

    private Response answer(Request request, RegisterReply.Registration r) throws Exception {
        RegisterOutcome outcome = r.outcome();
        if (outcome instanceof RegisterOutcome.Accepted a) {
            Response ok = endpoint.messages().createResponse(Response.OK, request);
            for (Binding b : a.bindings()) {
                ContactHeader contact = endpoint.headers().createContactHeader(endpoint.addresses().createAddress(b.contactUri()));
                contact.setExpires((int) b.expiresSecondsAt(r.at()));
                ok.addHeader(contact);
            }
            switch (a.transition()) {
                case REGISTERED -> {
                    log.info("phone of {} registered at {}", r.operator(), a.bindings().get(0).contactUri());
                    reachability.accept(r.operator(), true);
                }
                case UNREGISTERED -> {
                    log.info("phone of {} unregistered", r.operator());
                    reachability.accept(r.operator(), false);
                }
                default -> { }
            }
            return ok;
        }
        if (outcome instanceof RegisterOutcome.IntervalTooBrief brief) {
            Response r423 = endpoint.messages().createResponse(Response.INTERVAL_TOO_BRIEF, request);
            r423.addHeader(endpoint.headers().createMinExpiresHeader((int) brief.minExpires().toSeconds()));
            return r423;
        }
        if (outcome instanceof RegisterOutcome.TooManyContacts) {
            return endpoint.messages().createResponse(Response.FORBIDDEN, request);
        }
        return endpoint.messages().createResponse(Response.BAD_REQUEST, request);
    }

    private static String aor(Request request) {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI() instanceof SipURI u ? u.getUser() : "?";
    }

    private static RegisterRequest translate(Request request) {
        String user = aor(request);
        Optional<String> authorization = Optional.ofNullable(SipHeaders.header(request, AuthorizationHeader.NAME));
        List<RequestedContact> contacts = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.getAddress().isWildcard() || "*".equals(c.getAddress().toString().trim())) {
                contacts.add(RequestedContact.of("*", 0));
                continue;
            }
            int expires = c.getExpires();
            String uri = c.getAddress().getURI().toString();
            contacts.add(expires < 0 ? RequestedContact.of(uri) : RequestedContact.of(uri, expires));
        }
        ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        return new RegisterRequest(user == null ? "" : user, authorization, contacts,
                expires == null ? OptionalLong.empty() : OptionalLong.of(expires.getExpires()),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }
}
