package id.siaga.telephony.sip;

import java.util.List;
import java.util.Properties;

/** The JAIN-SIP (NIST RI) settings the edge's stack runs with, and the JVM's -Dgov.nist.javax.sip.* over them. */
final class EdgeStackProperties {

    private static final int UDP_BUFFER_BYTES = 4 * 1024 * 1024;

    private EdgeStackProperties() {
    }

    /** JAIN-SIP's settings for the edge; {@code jvm} (the system properties) may override any gov.nist.javax.sip one. */
    static Properties of(SipEdge.Settings settings, Properties jvm) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "siaga110-" + settings.port());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageBytes()));
        // JAIN-SIP's NIO listening points; the TLS one keeps its outgoing connections (EdgeMessageProcessors says why)
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", EdgeMessageProcessors.class.getName());
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        p.setProperty("gov.nist.javax.sip.CANCEL_CLIENT_TRANSACTION_CHECKED", "false");
        // a burst of datagrams while the edge's threads wait for a core must queue in the kernel, not be dropped
        // (which costs the caller a retransmission, 500 ms): ask for 4 MB; Linux grants up to net.core.rmem_max
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        // TLS keys come from the configured keystore through EdgeTlsKeys, never from javax.net.ssl.* files; naming it also
        // keeps the RI's default provider from warning at every start that no keystore is set
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", EdgeTlsKeys.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
        settings.tls().ifPresent(tls -> {
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", tls.clientAuth().stackValue);
            // the RI's own defaults are TLS 1.0-1.2 with four suites of 2008 (two anonymous); ours are the configured
            // ones, else TLS 1.3 and 1.2 with the JDK's default suites
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", tls.protocols()));
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", tls.ciphers().isEmpty() ? jdkCipherSuites() : tls.ciphers()));
            p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false"); // a client's renegotiations cost the edge CPU (CVE-2011-1473)
        });
        // the RI's own settings given to the JVM (-Dgov.nist.javax.sip.NAME=VALUE) win over the ones above
        for (String name : jvm.stringPropertyNames()) {
            if (name.startsWith("gov.nist.javax.sip.")) {
                p.setProperty(name, jvm.getProperty(name));
            }
        }
        return p;
    }

    /** The cipher suites the JDK enables by default, for a stack whose own default list is long obsolete. */
    private static List<String> jdkCipherSuites() {
        try {
            return List.of(javax.net.ssl.SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no default TLS context: " + e.getMessage(), e);
        }
    }
}
