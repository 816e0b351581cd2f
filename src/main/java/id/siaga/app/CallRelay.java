package id.siaga.app;

import id.siaga.cluster.SharedTopic;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.RemoteCalls;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's live calls, told to the other nodes over the cluster's {@code calls} topic (one subject per responsible
 * station, {@code call.POLRES-3404}), and theirs heard into {@link RemoteCalls}, so a console on any node lists and
 * follows every call of the cluster. A node that starts replays the topic's last {@code replay} (the longest a caller
 * waits unanswered) to know the calls already live elsewhere. A lost node's calls are told ended by the node that took
 * it over; a remote call whose "ended" was never heard (the bus was away) is dropped once the history has its record.
 */
final class CallRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRelay.class);

    /** What goes over the bus: the node, the event and the call as it stands. */
    record Relayed(String node, String event, id.siaga.telephony.CallView call) {
    }

    private final SharedTopic topic;
    private final String node;
    private final RemoteCalls remote;
    private final JsonMapper json;
    private AutoCloseable subscription;

    CallRelay(SharedTopic topic, String node, RemoteCalls remote, JsonMapper json) {
        this.topic = topic;
        this.node = node;
        this.remote = remote;
        this.json = json;
    }

    void start(CallCoordinator coordinator, Duration replay) {
        subscription = topic.subscribe("call.>", replay, m -> {
            Relayed r = json.readValue(m.data(), Relayed.class);
            if (!r.node().equals(node)) {
                remote.apply(r.node(), new CallUpdate(r.event(), r.call()));
            }
        });
        coordinator.addListener(this::publish);
    }

    private void publish(CallUpdate update) {
        try {
            topic.publish("call." + update.call().station(), json.writeValueAsString(new Relayed(node, update.event(), update.call())));
        } catch (RuntimeException e) {
            log.warn("call {}: its {} could not be told to the other nodes: {}", update.call().id(), update.event(), e.toString());
        }
    }

    /** A lost node's calls: told ended to every node (this one too), as the takeover has closed them. */
    void nodeLost(String lost) {
        for (RemoteCalls.RemoteCall c : remote.calls()) {
            if (c.node().equals(lost)) {
                topic.publish("call." + c.view().station(), json.writeValueAsString(new Relayed(lost, "ended", c.view())));
            }
        }
        remote.nodeLost(lost);
    }

    /** Drops the remote calls the history shows finished (their "ended" was lost on the way). */
    void sweep(CallRecordStore records) {
        List<CallId> ids = remote.calls().stream().map(c -> new CallId(c.view().id())).toList();
        if (ids.isEmpty()) {
            return;
        }
        Set<String> finished = records.kept(ids).stream().map(CallId::value).collect(Collectors.toSet());
        if (!finished.isEmpty()) {
            log.info("cluster: {} calls of other nodes are in the history though their end was never heard; dropped from the live list", finished.size());
            remote.finished(finished);
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
