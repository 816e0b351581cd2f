package id.siaga.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live calls other nodes of a cluster carry, as their updates arrive over the cluster's bus: what a console on this
 * node lists and follows beside this node's own calls. An update names its node; "ended" removes the call; a node that
 * is lost takes its calls with it (each told to the listeners as ended). Thread-safe; listeners are told on the
 * thread that applies the update and must be quick, as the call pipeline's.
 */
public final class RemoteCalls {

    /** A call another node carries: the node, the call as it last stood, and when that was heard. */
    public record RemoteCall(String node, CallView view, Instant heardAt) {
    }

    private final Clock clock;
    private final Map<String, RemoteCall> calls = new ConcurrentHashMap<>();
    private final List<Consumer<CallUpdate>> listeners = new CopyOnWriteArrayList<>();

    public RemoteCalls(Clock clock) {
        this.clock = clock;
    }

    public void addListener(Consumer<CallUpdate> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<CallUpdate> listener) {
        listeners.remove(listener);
    }

    /** An update from {@code node}: the call is added or replaced, or removed when it ended. */
    public void apply(String node, CallUpdate update) {
        String id = update.call().id();
        if ("ended".equals(update.event())) {
            calls.remove(id);
        } else {
            calls.put(id, new RemoteCall(node, update.call(), clock.instant()));
        }
        tell(update);
    }

    /** The calls of a node that was lost: removed, each told as ended. */
    public List<RemoteCall> nodeLost(String node) {
        List<RemoteCall> gone = new ArrayList<>();
        calls.values().removeIf(c -> {
            if (c.node().equals(node)) {
                gone.add(c);
                return true;
            }
            return false;
        });
        gone.forEach(c -> tell(new CallUpdate("ended", c.view())));
        return gone;
    }

    /** Removes these calls (finished, as the history shows, though their "ended" never came), each told as ended. */
    public void finished(Set<String> ids) {
        for (String id : ids) {
            RemoteCall gone = calls.remove(id);
            if (gone != null) {
                tell(new CallUpdate("ended", gone.view()));
            }
        }
    }

    /** The other nodes' live calls, oldest offer first. */
    public List<CallView> all() {
        return calls.values().stream().map(RemoteCall::view).sorted(Comparator.comparing(CallView::offeredAt)).toList();
    }

    public List<RemoteCall> calls() {
        return List.copyOf(calls.values());
    }

    public Optional<RemoteCall> find(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    private void tell(CallUpdate update) {
        for (Consumer<CallUpdate> listener : listeners) {
            listener.accept(update);
        }
    }
}
