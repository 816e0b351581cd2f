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
}
