package id.siaga.app;

import id.siaga.dispatch.AlertChannel;
import id.siaga.dispatch.UnitAlert;
import id.siaga.tracking.MqttGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts to the units' devices (in-car terminals, radios with data) as JSON on
 * {@code {topic-root}/{unit}/alerts}, QoS 1, not retained: a device that was offline gets it when its
 * persistent session reconnects, and a device that joins later does not get stale orders.
 */
final class MqttAlertChannel implements AlertChannel {

    private static final Logger log = LoggerFactory.getLogger(MqttAlertChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MqttGateway mqtt;
    private final String topicRoot;

    MqttAlertChannel(MqttGateway mqtt, String topicRoot) {
        this.mqtt = mqtt;
        this.topicRoot = topicRoot;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public boolean deliver(UnitAlert alert) {
        String topic = topicRoot + "/" + alert.unitId() + "/alerts";
        try {
            mqtt.publish(topic, JSON.writeValueAsBytes(alert), 1);
            return true;
        } catch (IllegalStateException e) {
            log.info("{} alert for unit {} not sent over MQTT: {}", alert.kind(), alert.unitId(), e.getMessage());
            return false;
        }
    }
}
