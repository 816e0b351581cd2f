package id.siaga.web;

import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.CallView;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live call updates as Server-Sent Events, each named by its event ({@code offered}, {@code answered} …) with the
 * call as it stands: every subscription listens to the call pipeline directly and is removed from it when its
 * stream completes, times out or fails. Delivery rules are {@link EventStream}'s; why updates are handed off and
 * slow subscribers dropped is explained on {@link StreamSubscription}.
 */
@Component
class CallStream extends EventStream<CallUpdate> {

    private final CallCoordinator coordinator;

    CallStream(CallCoordinator coordinator) {
        super("call-stream");
        this.coordinator = coordinator;
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
    }

    @Override
    void ended(StreamSubscription<CallUpdate> subscription) {
        coordinator.removeListener(subscription);
    }
}
