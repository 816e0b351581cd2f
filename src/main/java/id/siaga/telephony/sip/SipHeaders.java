package id.siaga.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import id.siaga.telephony.PhoneNumbers;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.UUID;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** What the edge reads from the headers of a request, and the tags it gives its own messages. */
final class SipHeaders {

    private SipHeaders() {
    }

    /** The value of the first header of that name; null if there is none. */
    static String header(Request request, String name) {
        Header h = request.getHeader(name);
        if (h == null) {
            return null;
        }
        String s = h.toString();
        int colon = s.indexOf(':');
        return (colon < 0 ? s : s.substring(colon + 1)).trim();
    }

    /** Every header of that name, values joined with ", " as RFC 3261 §7.3.1 allows; null if none. */
    static String allValues(Request request, String name) {
        StringBuilder sb = new StringBuilder();
        for (ListIterator<?> it = request.getHeaders(name); it.hasNext(); ) {
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

    /** The number dialled: the user part of the Request-URI, without parameters, lower case. */
    static String dialled(URI uri) {
        String user = uri instanceof SipURI sip ? sip.getUser() : uri.toString().replaceFirst("^(?i)(tel|urn):", "");
        if (user == null) {
            return "";
        }
        int semi = user.indexOf(';');
        return (semi >= 0 ? user.substring(0, semi) : user).trim().toLowerCase(Locale.ROOT);
    }

    /** The transport a request came in on (from its top Via), for our Contact in answers to it. */
    static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    /** The IP address the request's packet came from (the carrier trunk, or the phone itself); null if the stack did not say. */
    static String sourceAddress(Request request) {
        InetAddress from = request instanceof SIPMessage m ? m.getPeerPacketSourceAddress() : null;
        return from == null ? null : from.getHostAddress();
    }

    /** A fresh From- or To-tag. */
    static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * The To-tag of a response sent without a transaction: the same for every copy of the same request, as RFC 3261
     * §8.2.7 asks of a stateless UAS, so a repeated INVITE gets the very same answer. Derived from the Call-ID, the
     * From-tag, the top Via's branch and the CSeq.
     */
    static String statelessTag(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        String key = header(request, "Call-ID") + "|" + (from == null ? "" : from.getTag()) + "|" + (via == null ? "" : via.getBranch())
                + "|" + header(request, "CSeq");
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16);
    }

    /** A final response we send outside any dialog still carries a To-tag (RFC 3261 §8.2.6.2). */
    static Response tagged(Response response) throws ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null) {
            to.setTag(tag());
        }
        return response;
    }
}
