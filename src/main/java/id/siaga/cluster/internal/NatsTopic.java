package id.siaga.cluster.internal;

import id.siaga.cluster.SharedTopic;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared topic: a JetStream stream on the subjects {@code <root>.>}, created once the bus is reached. Its subscriptions
 * start then too, each replaying its window as of that moment.
 */
final class NatsTopic extends NatsTables.Deferred implements SharedTopic {

    private static final Logger log = LoggerFactory.getLogger(NatsTopic.class);

    private final NatsTables tables;
    private final String stream;
    private final String root;
    private final Duration keep;
    private final int replicas;
    private final AtomicLong dropped = new AtomicLong();
    /** JetStream, once the stream is there; until then nothing published would be kept, so nothing is published. */
    private volatile JetStream js;

    NatsTopic(NatsTables tables, String stream, String root, Duration keep, int replicas) {
        this.tables = tables;
        this.stream = stream;
        this.root = root;
        this.keep = keep;
        this.replicas = replicas;
    }

    @Override
    boolean setUp(Connection connection) throws Exception {
        StreamConfiguration config = StreamConfiguration.builder().name(stream).subjects(root + ".>").storageType(StorageType.File).maxAge(keep)
                .replicas(replicas).build();
        try {
            connection.jetStreamManagement().addStream(config);
        } catch (JetStreamApiException exists) {
            // there already, perhaps as its operator set it (more replicas, a longer age): left as it is
            log.debug("cluster bus: stream {} exists ({})", stream, exists.getMessage());
        }
        js = connection.jetStream();
        return true;
    }

    @Override
    String what() {
        return "the stream " + stream;
    }

    @Override
    public boolean publish(String subject, String json) {
        Connection connection = tables.up();
        if (connection == null || js == null) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                log.warn("cluster bus is {}: {} events for {} not published to the other nodes", connection == null ? tables.state()
                        : "connected but " + stream + " is not set up yet", n, root);
            }
            return false;
        }
        // a core publish on the stream's subject: the stream keeps it; nothing waits for its acknowledgement
        connection.publish(root + "." + subject, json.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Starts at once if the stream is there, else once it is; never throws, as nothing about it can fail before then. */
    @Override
    public AutoCloseable subscribe(String filter, Duration replay, Consumer<Message> handler) {
        Subscription s = tables.defer(new Subscription(root + "." + filter, replay, handler));
        return () -> s.cancel(s::stop);
    }

    /** One subscription: an ordered push consumer, made once the stream is there. */
    private final class Subscription extends NatsTables.Deferred {
        private final String subject;
        private final Duration replay;
        private final Consumer<Message> handler;
        private Connection connection;
        private Dispatcher dispatcher;
        private JetStreamSubscription sub;

        Subscription(String subject, Duration replay, Consumer<Message> handler) {
            this.subject = subject;
            this.replay = replay;
            this.handler = handler;
        }

        @Override
        boolean setUp(Connection connection) throws Exception {
            JetStream open = js;
            if (open == null) {
                return false;
            }
            ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder();
            if (replay.isZero()) {
                consumer.deliverPolicy(DeliverPolicy.New);
            } else {
                // the window as of now, when the subscription starts (later than it was asked for when the bus was away at first)
                consumer.deliverPolicy(DeliverPolicy.ByStartTime).startTime(ZonedDateTime.now(ZoneOffset.UTC).minus(replay));
            }
            Dispatcher d = connection.createDispatcher();
            try {
                sub = open.subscribe(subject, d, msg -> {
                    try {
                        String name = msg.getSubject().substring(root.length() + 1);
                        handler.accept(new Message(name, new String(msg.getData(), StandardCharsets.UTF_8), msg.metaData().streamSequence(),
                                msg.metaData().timestamp().toInstant()));
                    } catch (RuntimeException e) {
                        log.error("cluster bus: an event on {} could not be handled", msg.getSubject(), e);
                    }
                }, false, PushSubscribeOptions.builder().ordered(true).configuration(consumer.build()).build());
            } catch (Exception e) {
                connection.closeDispatcher(d);
                throw e;
            }
            this.connection = connection;
            this.dispatcher = d;
            return true;
        }

        /** Under the lock {@link #ensure} takes: stops it if it was set up. */
        void stop() {
            tables.forget(this);
            if (sub != null) {
                dispatcher.unsubscribe(sub);
                connection.closeDispatcher(dispatcher);
                sub = null;
            }
        }

        @Override
        String what() {
            return "a subscription to " + subject;
        }
    }
}
