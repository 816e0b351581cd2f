package id.siaga.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import id.siaga.telephony.sip.SipTls;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SIP edge and the call pipeline.
 *
 * @param enabled          start the SIP edge. Off only for tools such as journal verification.
 * @param sipAddress       the IP address the SIP stack binds and puts in Via and Contact. 127.0.0.1 for the demo;
 *                         production uses the address the carriers' trunks reach.
 * @param sipPort          UDP and TCP port; 5060 is SIP's registered port.
 * @param emergencyNumbers the request-URI users treated as emergency calls; anything else gets 404.
 * @param defaultStation   where a call without a usable location goes (e.g. the Polda of the trunk); journalled as such.
 * @param shortCall        a call the caller ends this soon after the answer is treated as cut off and gets a call-back task.
 * @param maxMessageBytes  largest SIP message accepted over TCP; UDP is bounded by the datagram. 16 KB is far above
 *                         any INVITE with SDP and PIDF-LO.
 * @param phones           static contacts of operator positions' phones: operator id → SIP URI; overrides the phones
 *                         file for those positions (handy for test rigs and desk phones without registration).
 * @param phonesFile       CSV {@code operator,sip_user,ha1,contact}: each position either REGISTERs as sip_user with
 *                         digest credentials (HA1 = MD5(user:realm:password), so no password is stored) or has a static
 *                         contact. Empty: the demo's file when the demo region runs, else no phones.
 * @param lines            calls a position takes at once before it is BUSY, by operator id; 1 when not listed (a person
 *                         at a phone). More for a position that is a hunt group or queue behind one contact.
 * @param keepAlive        how often a caller still waiting hears 180 Ringing again, so proxies on the way do not give
 *                         up on the INVITE (RFC 3261 Timer C is at least 3 minutes).
 * @param realm            the digest realm phones authenticate in; every node of a deployment uses the same.
 * @param digestSecret     hex, at least 32 digits (16 bytes): signs digest nonces so any node can check them. Empty:
 *                         a random secret per start, fine for one node; a cluster must share one.
 * @param recoveryWindow   at start, calls offered this far back are checked against the journal: unfinished ones are
 *                         closed as interrupted with a call-back task, finished ones missing their record or task get
 *                         them. 24 h covers a crash during a long database outage; longer only costs start-up time.
 * @param callerProbeInterval how often the caller of an unanswered call is asked whether it is still there (an
 *                         OPTIONS in its early dialog): a caller lost without CANCEL (network gone, or a forged INVITE)
 *                         is found within about this plus the SIP transaction timeout (32 s over UDP). 30 s; 0 turns
 *                         probing off.
 * @param maxWait          the longest an unanswered call waits before it ends with a call-back task, whatever the
 *                         probes say. Long: a real caller may wait minutes at the top of the ladder; 15 minutes.
 * @param maxUnansweredPerSource unanswered calls at once from one network address that is not a trusted trunk; more
 *                         are refused with 503 and journalled, so a flood of forged INVITEs cannot fill the queue.
 * @param trustedSources   addresses of carrier trunks (and the cluster's SIP front) exempt from that limit. The demo
 *                         and the load benchmark trust nothing by default; list the trunks in production.
 * @param sipTlsPort       SIP over TLS for trunks and phones that use it, on this port of {@code sipAddress}; 5061 is its
 *                         registered port. -1 (the default): no TLS. The {@code tls} profile turns it on (README,
 *                         "Turning TLS on"); UDP and TCP on {@code sipPort} stay open beside it.
 * @param sipTlsBundle     the Spring SSL bundle ({@code spring.ssl.bundle.jks.<name>.*}, a PKCS#12 keystore) whose key
 *                         and certificate the edge shows and whose trust store it checks phones' certificates against
 *                         (the JDK's CAs when the bundle has none). "siaga", the bundle the consoles' HTTPS uses too.
 * @param sipTlsClientAuth whether a peer connecting over TLS must show a certificate: NONE (trunks and phones prove
 *                         themselves by digest or address, as most do), WANT, or NEED (mutual TLS with the trunk).
 * @param registrationsFreshFor how long the registrations a node read from the database (or wrote itself) are used
 *                         to ring a position before it reads them again. A phone registered through another node of
 *                         the cluster is rung here at most this long after its REGISTER. 1 s: registrations change at
 *                         most once a minute per phone (the minimum expiry is 60 s), and it caps the database reads of
 *                         ringing at one per position per second per node. 0 reads the database for every phone rung.
 * @param registrationsReadWait the longest ringing waits for the database to read a position's registrations before it
 *                         takes the database as away and rings the registrations it last read (until the database
 *                         answers again). 250 ms: a read takes well under a millisecond; it keeps a database outage
 *                         from holding the call path for the connection timeout (3 s) at every call.
 * @param drainTime        when the server is stopped (SIGTERM), how long its SIP edge refuses new calls with 503 (and
 *                         answers OPTIONS from outside a call with 503) while the calls still ringing here may yet be
 *                         answered, before those are closed with 503 and call-back tasks. In a cluster this is how the
 *                         SIP front (Kamailio's dispatcher, which probes each node with OPTIONS every second and takes
 *                         it out after two failed probes) learns that the node is going before it has gone: 3 s there.
 *                         0 (the default): one node with nobody in front to tell; new calls are still refused from
 *                         the moment the stop begins.
 */
@ConfigurationProperties("siaga.telephony")
public record TelephonyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String sipAddress,
        @DefaultValue("5060") int sipPort,
        @DefaultValue({"110", "112", "+62110"}) List<String> emergencyNumbers,
        @DefaultValue("POLDA-DIY") String defaultStation,
        @DefaultValue("5s") Duration shortCall,
        @DefaultValue("16384") int maxMessageBytes,
        @DefaultValue Map<String, String> phones,
        @DefaultValue("") String phonesFile,
        @DefaultValue Map<String, Integer> lines,
        @DefaultValue("60s") Duration keepAlive,
        @DefaultValue("siaga110") String realm,
        @DefaultValue("") String digestSecret,
        @DefaultValue("24h") Duration recoveryWindow,
        @DefaultValue("30s") Duration callerProbeInterval,
        @DefaultValue("15m") Duration maxWait,
        @DefaultValue("30") int maxUnansweredPerSource,
        @DefaultValue List<String> trustedSources,
        @DefaultValue("-1") int sipTlsPort,
        @DefaultValue("siaga") String sipTlsBundle,
        @DefaultValue("NONE") SipTls.ClientAuth sipTlsClientAuth,
        @DefaultValue("1s") Duration registrationsFreshFor,
        @DefaultValue("250ms") Duration registrationsReadWait,
        @DefaultValue("0s") Duration drainTime) {

    /**
     * A trusted source as the SIP edge sees a packet's source: an IP address literal in its canonical form (so "::1"
     * matches "0:0:0:0:0:0:0:1"). Host names and networks ("10.1.0.0/24") are refused at start: they would never match,
     * and the trunk would silently be limited like an unknown sender.
     */
    static String ipAddress(String entry) {
        String literal = entry == null ? "" : entry.trim();
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("siaga.telephony.trusted-sources must list IP addresses (no host names or networks), got '"
                    + entry + "'");
        }
        try {
            return java.net.InetAddress.getByName(literal).getHostAddress(); // a literal: no name lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("siaga.telephony.trusted-sources: '" + entry + "' is not an IP address", e);
        }
    }

    public TelephonyProperties {
        if (sipPort < 1 || sipPort > 65535) {
            throw new IllegalArgumentException("siaga.telephony.sip-port must be 1-65535, got " + sipPort);
        }
        if (sipTlsPort != -1 && (sipTlsPort < 1 || sipTlsPort > 65535 || sipTlsPort == sipPort)) {
            throw new IllegalArgumentException("siaga.telephony.sip-tls-port must be -1 (no TLS) or 1-65535 other than siaga.telephony.sip-port ("
                    + sipPort + "), got " + sipTlsPort);
        }
        if (sipTlsPort != -1 && (sipTlsBundle == null || sipTlsBundle.isBlank())) {
            throw new IllegalArgumentException("siaga.telephony.sip-tls-bundle must name an SSL bundle (spring.ssl.bundle.jks.<name>) when siaga.telephony.sip-tls-port is set");
        }
        if (emergencyNumbers.isEmpty()) {
            throw new IllegalArgumentException("siaga.telephony.emergency-numbers must list at least one number");
        }
        phones = phones == null ? Map.of() : Map.copyOf(phones);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
        lines.forEach((op, n) -> {
            if (n < 1) {
                throw new IllegalArgumentException("siaga.telephony.lines." + op + " must be at least 1, got " + n);
            }
        });
        if (!digestSecret.isBlank() && (!digestSecret.matches("(?i)[0-9a-f]{32,}") || digestSecret.length() % 2 != 0)) {
            throw new IllegalArgumentException("siaga.telephony.digest-secret must be an even number (at least 32) of hex digits");
        }
        trustedSources = trustedSources == null ? List.of() : trustedSources.stream().map(TelephonyProperties::ipAddress).toList();
        if (recoveryWindow.isNegative()) {
            throw new IllegalArgumentException("siaga.telephony.recovery-window must not be negative, got " + recoveryWindow);
        }
        if (callerProbeInterval.isNegative()) {
            throw new IllegalArgumentException("siaga.telephony.caller-probe-interval must not be negative (0 turns probing off), got "
                    + callerProbeInterval);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("siaga.telephony.max-wait must be positive, got " + maxWait);
        }
        if (maxUnansweredPerSource < 1) {
            throw new IllegalArgumentException("siaga.telephony.max-unanswered-per-source must be at least 1, got " + maxUnansweredPerSource);
        }
        if (registrationsFreshFor.isNegative()) {
            throw new IllegalArgumentException("siaga.telephony.registrations-fresh-for must not be negative (0 reads at every call), got "
                    + registrationsFreshFor);
        }
        if (registrationsReadWait.isNegative() || registrationsReadWait.isZero()) {
            throw new IllegalArgumentException("siaga.telephony.registrations-read-wait must be positive, got " + registrationsReadWait);
        }
        if (drainTime.isNegative()) {
            throw new IllegalArgumentException("siaga.telephony.drain-time must not be negative (0 refuses new calls without waiting), got "
                    + drainTime);
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("siaga.telephony.keep-alive must be positive, got " + keepAlive);
        }
    }
}
