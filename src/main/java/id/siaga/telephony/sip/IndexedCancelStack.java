package id.siaga.telephony.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.util.Locale;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * JAIN-SIP's stack, finding the INVITE transaction a CANCEL belongs to by its branch instead of by comparing the
 * CANCEL with every transaction the stack holds.
 *
 * <p>The reference implementation walks its whole server (or client) transaction table for each CANCEL, a caller's
 * or one we send to a losing phone. UDP INVITE transactions linger 32 s after they end, so the table holds about
 * 32 s of calls and each CANCEL costs O(calls per second × 32): at a few hundred calls per second that scan was a
 * tenth of the server's CPU and growing with the rate (bench/RESULTS.md). RFC 3261 §9.2 and §17.2.3 make the match
 * a lookup: a CANCEL carries the branch of the INVITE it cancels, and the stack keys INVITE transactions by that
 * branch. Requests without an RFC 3261 branch (RFC 2543 peers) still take the stack's own comparison.
 */
final class IndexedCancelStack extends SipStackImpl {

    private static final String MAGIC_COOKIE = "z9hg4bk";

    IndexedCancelStack(Properties properties) throws PeerUnavailableException {
        super(properties);
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
}
