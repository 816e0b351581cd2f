package id.siaga.telephony.sip;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Where JAIN-SIP's TLS listening point gets its key and trust managers: from the edge's {@link SipTls}, which the
 * application builds from its configured keystore, instead of file names and passwords in the stack's properties or in
 * the JVM's {@code javax.net.ssl.*} system properties (which would also change every other TLS client in the server).
 *
 * <p>The stack makes its provider by class name with no arguments ({@code gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER})
 * and calls {@link #init}; the edge names this class there, so the RI's default provider (which would only warn that no
 * keystore is configured) is never made, and {@link EdgeSipStack} hands the managers over before any listening point
 * exists. Without TLS the managers stay null: the stack then opens no TLS listening point.
 */
public final class EdgeTlsKeys implements SecurityManagerProvider {

    private volatile KeyManager[] keys;
    private volatile TrustManager[] trust;

    public EdgeTlsKeys() {
    }

    /** Nothing to read: the managers come from {@link #use}. */
    @Override
    public void init(Properties properties) {
    }

    void use(SipTls tls) {
        this.keys = tls.keys();
        this.trust = tls.trust();
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return keys;
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return trust;
    }
}
