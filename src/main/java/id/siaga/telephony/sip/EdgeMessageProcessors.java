package id.siaga.telephony.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import javax.sip.ListeningPoint;

/**
 * The edge's listening points: JAIN-SIP's NIO ones for UDP and TCP as they are, and for TLS the NIO one with its
 * outgoing connections kept (gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY names this class).
 *
 * <p>Why: in jain-sip-ri 1.3.0-91 a new outgoing TCP or TLS connection is taken out of the stack's connection table
 * right after it is opened, so the first send finds none, opens a second connection and drops the first ("Old socket
 * different than new socket" in the log). Over TCP that costs a connection; over TLS the bytes re-sent on the second
 * connection are the first one's already encrypted ClientHello, wrapped again as application data: a phone reached over
 * TLS got garbage instead of the INVITE and the call never rang there (seen in TlsProfileTests). Putting the connection
 * back into the table after it is opened makes the first send use it. TCP is left as it is: its extra connection is
 * harmless and the load benchmarks measured it so.
 */
public final class EdgeMessageProcessors implements MessageProcessorFactory {

    private final NioMessageProcessorFactory nio = new NioMessageProcessorFactory();

    public EdgeMessageProcessors() {
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port, String transport)
            throws IOException {
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new TlsProcessor(address, stack, port);
        }
        return nio.createMessageProcessor(stack, address, port, transport);
    }

    /** JAIN-SIP's NIO TLS listening point, with {@link KeptConnections}. */
    static final class TlsProcessor extends NioTlsMessageProcessor {

        TlsProcessor(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
            NIOHandler stock = nioHandler;
            nioHandler = new KeptConnections(stack, this);
            stock.stop(); // it never held a connection; its idle-connection auditor, if any, stops with it
        }
    }

    /** JAIN-SIP's connection table, which keeps the outgoing connection it has just opened. */
    static final class KeptConnections extends NIOHandler {

        KeptConnections(SIPTransactionStack stack, NioTcpMessageProcessor processor) {
            super(stack, processor);
        }

        @Override
        public SocketChannel createOrReuseSocket(InetAddress address, int port) throws IOException {
            SocketChannel channel = super.createOrReuseSocket(address, port);
            if (channel != null && channel.isConnected() && channel.isOpen()) {
                putSocket(makeKey(address, port), channel); // the RI took it out again as it returned it
            }
            return channel;
        }
    }
}
