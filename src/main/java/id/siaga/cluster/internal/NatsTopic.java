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
import io.nats.client.api.StreamInfo;
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
 * start then too, each replaying its window as of that moment. When the connection comes back the stream is created again
 * if the server lost it, and each subscription is made again from the sequence after the last one it delivered (from the
 * stream's start when the stream is a new one).
 */
final class NatsTopic extends Deferred implements SharedTopic {

    private static final Logger log = LoggerFactory.getLogger(NatsTopic.class);

    private final NatsTables tables;
    private final String stream;
    private final String root;
    private final Duration keep;
    private final int replicas;
    private final AtomicLong dropped = new AtomicLong();
    /** JetStream, once the stream is there; until then nothing published would be kept, so nothing is published. */
    private volatile JetStream js;
    /** When the stream was created on the server: another time after a reconnect means the server lost it (a new stream). */
    private volatile ZonedDateTime created;
    /** Whether the stream is set up on the connection as it is now (false from a reconnect until it is checked again). */
    private volatile boolean ready;

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
        StreamInfo info;
        try {
            info = connection.jetStreamManagement().addStream(config);
        } catch (JetStreamApiException exists) {
            // there already, perhaps as its operator set it (more replicas, a longer age): left as it is
            log.debug("cluster bus: stream {} exists ({})", stream, exists.getMessage());
            info = connection.jetStreamManagement().getStreamInfo(stream);
        }
        created = info.getCreateTime();
        js = connection.jetStream();
        ready = true;
        return true;
    }

    @Override
    void forgetSetUp() {
        ready = false; // publishing goes on meanwhile: the connection is the same
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

    /**
     * One subscription: an ordered push consumer, made once the stream is there, and made again from the sequence after the
     * last one it delivered each time the connection comes back (the old one closed first).
     */
    private final class Subscription extends Deferred {
        private final String subject;
        private final Duration replay;
        private final Consumer<Message> handler;
        /** Held while a message is delivered and while the subscription is replaced: one at a time, none from an old one. */
        private final Object delivering = new Object();
        private Connection connection;
        private Dispatcher dispatcher;
        private JetStreamSubscription sub;
        /** Which attempt's consumer delivers: only the latest one's messages are handled. */
        private int attempt;
        /** The last stream sequence delivered, or the stream's last one when it started with nothing to replay (0: none). */
        private long delivered;
        /** The stream's creation as of the last delivery: a stream created again (the server lost it) is read from its start. */
        private ZonedDateTime deliveredFrom;
        /** The start of the replay window, fixed when it was first made: the same window if it is made again before a delivery. */
        private ZonedDateTime windowFrom;

        Subscription(String subject, Duration replay, Consumer<Message> handler) {
            this.subject = subject;
            this.replay = replay;
            this.handler = handler;
        }

        @Override
        boolean setUp(Connection connection) throws Exception {
            JetStream open = js;
            if (open == null || !ready) {
                return false;
            }
            boolean first = deliveredFrom == null;
            if (first && replay.isZero()) {
                // only what comes from now on: "now" as a sequence, so a subscription made again resumes there
                delivered = connection.jetStreamManagement().getStreamInfo(stream).getStreamState().getLastSequence();
            } else if (first) {
                // the window as of now, when the subscription starts (later than it was asked for when the bus was away at first)
                windowFrom = ZonedDateTime.now(ZoneOffset.UTC).minus(replay);
            }
            int mine;
            ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder();
            synchronized (delivering) {
                mine = ++attempt;
                if (!first && !deliveredFrom.equals(created)) {
                    log.warn("cluster bus: stream {} was created again (the server lost it): read from its start", stream);
                    delivered = 0;
                    windowFrom = null;
                }
                deliveredFrom = created;
                if (delivered > 0) {
                    consumer.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(delivered + 1);
                } else if (windowFrom != null) {
                    consumer.deliverPolicy(DeliverPolicy.ByStartTime).startTime(windowFrom);
                } else {
                    consumer.deliverPolicy(DeliverPolicy.All);
                }
            }
            stopConsumer();
            Dispatcher d = connection.createDispatcher();
            try {
                sub = open.subscribe(subject, d, msg -> deliver(mine, msg), false,
                        PushSubscribeOptions.builder().ordered(true).configuration(consumer.build()).build());
            } catch (Exception e) {
                connection.closeDispatcher(d);
                throw e;
            }
            this.connection = connection;
            this.dispatcher = d;
            if (!first) {
                log.info("cluster bus: a subscription to {} made again after sequence {}", subject, delivered);
            }
            return true;
        }

        private void deliver(int mine, io.nats.client.Message msg) {
            synchronized (delivering) {
                long sequence = msg.metaData().streamSequence();
                if (attempt != mine || sequence <= delivered) {
                    return; // left behind by an earlier attempt, or delivered already
                }
                delivered = sequence;
                try {
                    String name = msg.getSubject().substring(root.length() + 1);
                    handler.accept(new Message(name, new String(msg.getData(), StandardCharsets.UTF_8), sequence, msg.metaData().timestamp().toInstant()));
                } catch (RuntimeException e) {
                    log.error("cluster bus: an event on {} could not be handled", msg.getSubject(), e);
                }
            }
        }

        /** The consumer made before, if any, closed (under the lock {@link #ensure} takes). */
        private void stopConsumer() {
            if (sub != null) {
                dispatcher.unsubscribe(sub);
                connection.closeDispatcher(dispatcher);
                sub = null;
            }
        }

        /** Under the lock {@link #ensure} takes: stops it if it was set up. */
        void stop() {
            tables.forget(this);
            stopConsumer();
        }

        @Override
        String what() {
            return "a subscription to " + subject;
        }
    }
}
