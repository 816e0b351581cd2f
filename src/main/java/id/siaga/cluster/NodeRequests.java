package id.siaga.cluster;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Asking the node that carries something to act on it: a console on one node works a call another node carries (the
 * silent caller's prompt is played by the call's own node, through its media plane). Request and answer are JSON text;
 * a node answers the requests of the names it has registered.
 */
public interface NodeRequests {

    /** No cluster: nobody else to ask. */
    NodeRequests NONE = new NodeRequests() {
        @Override
        public String ask(String node, String name, String json, Duration timeout) {
            throw new SharedTable.Unavailable("this server is not part of a cluster: there is no node " + node + " to ask", null);
        }

        @Override
        public void answer(String name, UnaryOperator<String> handler) {
        }
    };

    /**
     * Asks {@code node} to carry out request {@code name}; its answer.
     *
     * @throws SharedTable.Unavailable when the node does not answer within {@code timeout} (it is lost, or the bus is away)
     */
    String ask(String node, String name, String json, Duration timeout);

    /** This node answers requests named {@code name} with {@code handler} (on a thread of the bus). */
    void answer(String name, UnaryOperator<String> handler);
}
