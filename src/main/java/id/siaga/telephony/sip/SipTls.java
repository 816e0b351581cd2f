package id.siaga.telephony.sip;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * SIP over TLS at the edge (RFC 3261 §26.2.1, RFC 5630), for carrier trunks and phones that use it: a TLS listening
 * point beside UDP and TCP.
 *
 * @param port       the TLS port; 5061 is SIP over TLS's registered port
 * @param keys       the edge's private key and certificate chain, shown to every peer (from the configured PKCS#12 keystore)
 * @param trust      the certificates the edge trusts: a phone's when the edge connects to it, a peer's certificate when it
 *                   presents one
 * @param clientAuth whether a peer connecting to the edge must show a certificate
 * @param protocols  the TLS versions spoken; empty: TLS 1.3 and 1.2
 * @param ciphers    the cipher suites offered; empty: the JDK's defaults
 */
public record SipTls(int port, KeyManager[] keys, TrustManager[] trust, ClientAuth clientAuth, List<String> protocols, List<String> ciphers) {

    /** The versions spoken when none are configured: no TLS 1.1 or older (RFC 8996). */
    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Whether a peer that connects to the edge over TLS must show a certificate the edge trusts. */
    public enum ClientAuth {
        /** Not asked for: trunks and phones authenticate in SIP (digest) or by address, as most do. */
        NONE("Disabled"),
        /** Asked for; a peer without one still connects, a peer with one the edge does not trust does not. */
        WANT("Want"),
        /** Required (mutual TLS): only peers with a certificate the edge trusts connect. */
        NEED("Enabled");

        /** JAIN-SIP's name for it (gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE). */
        final String stackValue;

        ClientAuth(String stackValue) {
            this.stackValue = stackValue;
        }
    }

    public SipTls {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SIP TLS port must be 1-65535, got " + port);
        }
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(clientAuth, "clientAuth");
        protocols = protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(protocols);
        ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
    }
}
