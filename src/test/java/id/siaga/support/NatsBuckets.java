package id.siaga.support;

import io.nats.client.Connection;
import io.nats.client.Nats;

/**
 * The key-value buckets and the streams (the topics: positions, cad) a test's cluster made on the machine's NATS, deleted
 * afterwards so runs leave nothing behind.
 */
public final class NatsBuckets {

    private NatsBuckets() {
    }

    /** Deletes every bucket and every stream whose name starts with {@code prefix + "-"}. */
    public static void deleteAll(String prefix) {
        try (Connection nc = Nats.connect("nats://127.0.0.1:4222")) {
            var kvm = nc.keyValueManagement();
            for (String bucket : kvm.getBucketNames()) {
                if (bucket.startsWith(prefix + "-")) {
                    kvm.delete(bucket);
                }
            }
            var jsm = nc.jetStreamManagement();
            for (String stream : jsm.getStreamNames()) {
                if (stream.startsWith(prefix + "-")) {
                    jsm.deleteStream(stream);
                }
            }
        } catch (Exception e) {
            System.err.println("could not delete the NATS buckets and streams " + prefix + "-*: " + e);
        }
    }
}
