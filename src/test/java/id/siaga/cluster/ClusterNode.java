package id.siaga.cluster;

import id.siaga.support.ServerProcess;
import id.siaga.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Siaga node of a test cluster, run as its own process ({@link ServerProcess}) with its own ports and its own folder
 * (journal spool), on the cluster's one PostgreSQL database and NATS, started, killed, stopped and started again on the
 * same ones. Behind the cluster's SIP front it trusts the front's address (every call comes from there), repeats its 180
 * every 10 s (within Kamailio's 30 s fr_inv_timer) and, when stopped, refuses new calls for 3 s so the front takes it
 * out first.
 */
final class ClusterNode implements AutoCloseable {

    /** The digest secret every node of the test cluster shares, so a phone challenged by one may answer another. */
    static final String DIGEST_SECRET = "5a1a9a110c1a5e7e5ec7e75a1a9a110c";

    final String name;
    final int httpPort;
    final int sipPort;
    private final Path dir;
    private final TestDatabase db;
    private final String natsPrefix;
    private final List<String> extra;
    private ServerProcess process;
    private int starts;

    /** With {@code extra} server arguments after the cluster's (operator phones, say). */
    ClusterNode(String name, Path root, TestDatabase db, String natsPrefix, List<String> extra) {
        this.name = name;
        this.httpPort = ServerProcess.freePort();
        this.sipPort = ServerProcess.freePort();
        this.db = db;
        this.natsPrefix = natsPrefix;
        this.extra = List.copyOf(extra);
        try {
            this.dir = Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> args() {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--siaga.cluster.enabled=true", "--siaga.cluster.node-id=" + name, "--siaga.cluster.nats-prefix=" + natsPrefix,
                "--siaga.telephony.sip-port=" + sipPort, "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"),
                "--siaga.tracking.osmand-port=0", "--siaga.tracking.mqtt.enabled=false", "--siaga.telephony.trusted-sources=127.0.0.1",
                "--siaga.telephony.keep-alive=10s", "--siaga.telephony.drain-time=3s", "--siaga.telephony.digest-secret=" + DIGEST_SECRET));
        args.addAll(extra);
        return args;
    }

    /** Starts it (again) and returns once it is ready. */
    ClusterNode start() {
        process = ServerProcess.start("cluster-" + name + "-" + ++starts, httpPort, args());
        return this;
    }

    /** {@code kill -9}. */
    void kill() {
        process.kill();
    }

    /** SIGTERM, and waits until it has exited. */
    void terminate() {
        process.terminate();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    NodeApi api() {
        return new NodeApi(httpPort);
    }

    String output() {
        return process == null ? name + " never started" : process.output();
    }

    /** The lines of this run's log that contain {@code text}. */
    List<String> logLines(String text) {
        return process == null ? List.of() : process.logLines(text);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
