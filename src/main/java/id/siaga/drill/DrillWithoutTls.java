package id.siaga.drill;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * The drill's user agent speaks UDP only, so its JAIN-SIP stack gets no TLS keys at all. Named as the stack's
 * {@code gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER}, it replaces the RI's default provider, which would look for the
 * JVM's {@code javax.net.ssl.*} keystore and warn at every drill start that none is set. The stack makes it by class
 * name, hence public with a public constructor.
 */
public final class DrillWithoutTls implements SecurityManagerProvider {

    public DrillWithoutTls() {
    }

    @Override
    public void init(Properties properties) {
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return null;
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return null;
    }
}
