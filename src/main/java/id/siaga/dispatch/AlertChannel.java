package id.siaga.dispatch;

/**
 * A way to reach a unit's officers: the officer app's WebSocket, the devices' MQTT topic. Every configured
 * channel gets every alert; a channel that cannot deliver says so by returning false (the dispatcher sees the
 * acknowledgement clock run either way).
 */
public interface AlertChannel {

    /** A short name for the journal ("websocket", "mqtt"). */
    String name();

    boolean deliver(UnitAlert alert);

    /**
     * Whether it reaches only the officers connected to this node (the officer app's WebSocket), not every officer (the
     * devices' MQTT topic, through the broker every node shares). In a cluster such a channel also gets the alerts of the
     * assignments other nodes make, so an officer is alerted whichever node their app is connected to.
     */
    default boolean reachesThisNodeOnly() {
        return false;
    }
}
