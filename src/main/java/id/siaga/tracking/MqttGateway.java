package id.siaga.tracking;

/**
 * Sends MQTT messages to field units through the broker tracking is connected to, e.g. dispatch alerts on
 * {@code siaga/units/{unitId}/alerts} (QoS 1, not retained). Messages published while the broker is briefly away
 * (after the first connection) are kept, up to 10,000, and sent on reconnect.
 */
public interface MqttGateway {

    /**
     * Publishes {@code payload} on {@code topic} with {@code qos} (0, 1 or 2), not retained.
     *
     * @throws IllegalStateException when the message cannot be taken (MQTT off, never connected, 10,000 waiting, a topic
     *                               MQTT does not allow)
     */
    void publish(String topic, byte[] payload, int qos);
}
