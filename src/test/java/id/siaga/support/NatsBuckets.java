package id.siaga.support;

import io.nats.client.Connection;
import io.nats.client.Nats;

/** The key-value buckets a test's cluster made on the machine's NATS, deleted afterwards so runs leave nothing behind. */
public final class NatsBuckets {

    private NatsBuckets() {
    }

    /** Deletes every bucket whose name starts with {@code prefix + "-"}. */
    public static void deleteAll(String prefix) {
        try (Connection nc = Nats.connect("nats://127.0.0.1:4222")) {
            var kvm = nc.keyValueManagement();
            for (String bucket : kvm.getBucketNames()) {
                if (bucket.startsWith(prefix + "-")) {
                    kvm.delete(bucket);
                }
            }
        } catch (Exception e) {
            System.err.println("could not delete the NATS buckets " + prefix + "-*: " + e);
        }
    }
}
