package id.siaga.app;

import id.siaga.cluster.SharedTopic;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.ReportRelay;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller's location report (AML) joins the caller's call whichever node carries it: the carrier's gateway posts the
 * report to any node, and one that finds no live call from that number publishes it on the topic {@code locations}
 * (subject {@code report.<number>}); every other node offers it to its own live calls, then to its calls that just
 * ended, then keeps it a minute for a call not yet offered. The receiving node journals what it did (the report
 * received, and unmatched here); the node whose call takes it journals {@code CallLocated} in that call's story; the
 * others keep it silently. A node that starts replays the last {@code replay} (the minute a report waits for its call).
 */
final class LocationSharing implements ReportRelay, AutoCloseable {

    /** How long the topic keeps a report: a few times the minute it waits for its call, for a node that reconnects. */
    static final Duration KEPT = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LocationSharing.class);

    /** What goes over the bus; an unknown uncertainty (NaN) is null, as JSON has no NaN. */
    record Shared(String node, String caller, double latitude, double longitude, Double uncertaintyMeters, String source, String method,
                  Instant fixedAt, boolean routable, Instant callStart, String via, Instant receivedAt, boolean endedCallFound) {
    }

    private final SharedTopic topic;
    private final String node;
    private final JsonMapper json;
    private AutoCloseable subscription;

    LocationSharing(SharedTopic topic, String node, JsonMapper json) {
        this.topic = topic;
        this.node = node;
        this.json = json;
    }

    void start(CallCoordinator coordinator, Duration replay) {
        subscription = topic.subscribe("report.>", replay, m -> {
            Shared s;
            try {
                s = json.readValue(m.data(), Shared.class);
            } catch (RuntimeException e) {
                log.warn("cluster: location report {} on {} unreadable: {}", m.sequence(), m.subject(), e.getMessage());
                return;
            }
            if (!node.equals(s.node())) {
                coordinator.reportFromElsewhere(report(s));
            }
        });
        coordinator.relayReportsWith(this);
        log.info("cluster: location reports no call here takes are passed to the other nodes (topic locations, replaying the last {})", replay);
    }

    @Override
    public boolean pass(Report r) {
        LocationFix f = r.fix();
        Shared s = new Shared(node, r.callerNumber(), f.latitude(), f.longitude(), f.hasUncertainty() ? f.uncertaintyMeters() : null,
                f.source().name(), f.method(), f.timestamp().orElse(null), r.routable(), r.callStart().orElse(null), r.via(),
                r.receivedAt(), r.endedCallFound());
        // false when the bus is away: the receiving node then journals the report as kept here only, not passed on
        return topic.publish("report." + BusSubjects.token(r.callerNumber()), json.writeValueAsString(s));
    }

    private static Report report(Shared s) {
        LocationFix fix = new LocationFix(s.latitude(), s.longitude(), s.uncertaintyMeters() == null ? Double.NaN : s.uncertaintyMeters(),
                LocationSource.valueOf(s.source()), s.method() == null ? "" : s.method(), Optional.ofNullable(s.fixedAt()));
        return new Report(s.node(), s.caller(), fix, s.routable(), Optional.ofNullable(s.callStart()), s.via(), s.receivedAt(),
                s.endedCallFound());
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
