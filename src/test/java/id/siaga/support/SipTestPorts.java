package id.siaga.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The ports of the SIP tests' edge and static operator phones, free ones chosen once per test run, so two runs on one
 * host (or two engineers' builds) never collide. They reach the shared {@code @SipEdgeTest} context as system
 * properties ({@code siaga.test.sip.*}), set when JUnit loads this extension, before Spring starts the context.
 */
public final class SipTestPorts implements BeforeAllCallback {

    public static final int EDGE = ServerProcess.freePort();
    public static final int OP_3404_1 = ServerProcess.freePort();
    public static final int OP_3404_2 = ServerProcess.freePort();
    public static final int OP_DIY_1 = ServerProcess.freePort();
    public static final int OP_MABES_1 = ServerProcess.freePort();
    public static final int OP_3402_1 = ServerProcess.freePort();
    /** Where the phone that registers with digest (OP-3471-1) says it is reached. */
    public static final int REGISTERED_PHONE = ServerProcess.freePort();

    static {
        System.setProperty("siaga.test.sip.edge", Integer.toString(EDGE));
        System.setProperty("siaga.test.sip.op-3404-1", Integer.toString(OP_3404_1));
        System.setProperty("siaga.test.sip.op-3404-2", Integer.toString(OP_3404_2));
        System.setProperty("siaga.test.sip.op-diy-1", Integer.toString(OP_DIY_1));
        System.setProperty("siaga.test.sip.op-mabes-1", Integer.toString(OP_MABES_1));
        System.setProperty("siaga.test.sip.op-3402-1", Integer.toString(OP_3402_1));
    }

    /** A port free right now, for a SIPp client or a raw socket of one test. */
    public static int free() {
        return ServerProcess.freePort();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // loading this class set the properties; nothing more to do
    }
}
