package id.siaga.web;

import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.CallView;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live call updates as Server-Sent Events, each named by its event ({@code offered}, {@code answered} …) with the
 * call as it stands, of this node's calls and, in a cluster, of the other nodes' ({@link id.siaga.telephony.RemoteCalls}):
 * every subscription listens to the call pipeline directly and is removed from it when its
 * stream completes, times out or fails. Delivery rules are {@link EventStream}'s; why updates are handed off and
 * slow subscribers dropped is explained on {@link StreamSubscription}.
 */
@Component
class CallStream extends EventStream<CallUpdate> {

    private final CallCoordinator coordinator;
    private final id.siaga.telephony.RemoteCalls remote;

    CallStream(CallCoordinator coordinator, id.siaga.telephony.RemoteCalls remote) {
        super("call-stream");
        this.coordinator = coordinator;
        this.remote = remote;
    }

    /** A stream of the updates of the calls {@code visible} lets through. */
    SseEmitter subscribe(String subscriber, Predicate<CallView> visible) {
        return open(subscriber, (CallUpdate u) -> visible.test(u.call()));
    }

    @Override
    String eventName(CallUpdate update) {
        return update.event();
    }

    @Override
    Object eventData(CallUpdate update) {
        return update.call();
    }

    @Override
    void started(StreamSubscription<CallUpdate> subscription) {
        coordinator.addListener(subscription);
        remote.addListener(subscription); // the calls other nodes of a cluster carry
    }

    @Override
    void ended(StreamSubscription<CallUpdate> subscription) {
        coordinator.removeListener(subscription);
        remote.removeListener(subscription);
    }
}
