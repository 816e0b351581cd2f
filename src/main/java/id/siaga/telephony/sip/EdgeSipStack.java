package id.siaga.telephony.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.sip.ClientTransaction;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.Hop;
import javax.sip.message.Request;

/**
 * JAIN-SIP's stack with three changes for the edge: it finds the INVITE transaction a CANCEL belongs to by its branch
 * instead of by comparing the CANCEL with every transaction the stack holds, it lets the edge say where a request of
 * its own goes, and its TLS keys come from the edge's configured keystore ({@link SipTls}).
 *
 * <p>The reference implementation walks its whole server (or client) transaction table for each CANCEL, a caller's
 * or one we send to a losing phone. UDP INVITE transactions linger 32 s after they end, so the table holds about
 * 32 s of calls and each CANCEL costs O(calls per second × 32): at a few hundred calls per second that scan was a
 * tenth of the server's CPU and growing with the rate (bench/RESULTS.md). RFC 3261 §9.2 and §17.2.3 make the match
 * a lookup: a CANCEL carries the branch of the INVITE it cancels, and the stack keys INVITE transactions by that
 * branch. Requests without an RFC 3261 branch (RFC 2543 peers) still take the stack's own comparison.
 *
 * <p>The stack picks a request's next hop from its Route or Request-URI while it creates the client transaction, and
 * opens a channel to it then. A request that must go back the way a peer's request came (a probe of a caller, to the
 * address our responses go to, not to a Contact the caller's INVITE may have forged) gets its hop chosen by the edge
 * instead, before the stack could open anything elsewhere.
 */
final class EdgeSipStack extends SipStackImpl {

    private static final String MAGIC_COOKIE = "z9hg4bk";

    /** The hop the edge chose for the request this thread is creating a client transaction for. */
    private final ThreadLocal<Hop> chosenHop = new ThreadLocal<>();

    /** With {@code tls}, the TLS listening point takes its key and trust managers from it ({@link EdgeTlsKeys}). */
    EdgeSipStack(Properties properties, Optional<SipTls> tls) throws PeerUnavailableException {
        super(properties);
        tls.ifPresent(t -> {
            EdgeTlsKeys keys = new EdgeTlsKeys();
            keys.use(t);
            securityManagerProvider = keys; // before any listening point: the TLS one reads it when it is created
        });
    }

    @Override
    public SIPTransaction findCancelTransaction(SIPRequest cancel, boolean isServer) {
        Via top = cancel.getTopmostVia();
        String branch = top == null ? null : top.getBranch();
        if (branch == null || !branch.toLowerCase(Locale.ROOT).startsWith(MAGIC_COOKIE)) {
            return super.findCancelTransaction(cancel, isServer);
        }
        SIPTransaction invite = findTransaction(branch.toLowerCase(Locale.ROOT), isServer);
        return invite != null && invite.doesCancelMatchTransaction(cancel) ? invite : null;
    }

    /** A client transaction for {@code request} whose packets go to {@code hop}, whatever the request's Route and Request-URI say. */
    ClientTransaction newClientTransaction(SipProvider provider, Request request, Hop hop) throws TransactionUnavailableException {
        chosenHop.set(hop);
        try {
            return provider.getNewClientTransaction(request);
        } finally {
            chosenHop.remove();
        }
    }

    @Override
    public Hop getNextHop(SIPRequest request) throws SipException {
        Hop chosen = chosenHop.get();
        return chosen != null ? chosen : super.getNextHop(request);
    }
}
