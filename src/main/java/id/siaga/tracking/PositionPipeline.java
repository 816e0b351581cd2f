package id.siaga.tracking;

import id.siaga.tracking.PositionValidator.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;

/**
 * The GPS pipeline, in order, for every door (OsmAnd HTTP, the JSON batch, MQTT, the officer app):
 * <ol>
 * <li><b>decode</b> the wire into candidate fixes (a malformed one is refused on its own);</li>
 * <li><b>reserve</b> room in the history queue for all of them, or refuse the whole request as busy before
 * anything changed, so the sender resends it;</li>
 * <li><b>identify</b> the unit: the device's, from the {@link DeviceDirectory}, or the one the door names;</li>
 * <li><b>validate</b> against the unit's last accepted fix ({@link PositionValidator});</li>
 * <li><b>index</b>: a newer fix becomes the unit's live position, any fix or heartbeat refreshes last-seen;</li>
 * <li><b>notify</b> the listeners of a fix that moved the unit forward;</li>
 * <li><b>keep</b>: accepted, out-of-order and resent fixes go to the {@link TrackWriter}, and the request is answered
 * only once they are kept (in the database, or forced to disk in the local spool). A resend of the unit's last fix is
 * handed over again too (the store keeps it once): its first sending may not have been kept.</li>
 * </ol>
 * Steps 4 to 6 run under the unit's own lock, so a unit's live position and listeners see its fixes in one order even
 * when two of its devices report at once. Refusals go to the {@link RejectionJournal}.
 *
 * <p>Each door has an asynchronous form ({@code ...Async}: the OsmAnd door answers from the future, so its threads
 * never wait for a disk) and a blocking one; both answer within the writer's commit timeout. A result that is
 * {@link IngestResult#busy()} means nothing of the request counts as received: the sender must resend it all.
 */
public final class PositionPipeline {

    private static final Logger log = LoggerFactory.getLogger(PositionPipeline.class);

    private final DeviceDirectory directory;
    private final PositionValidator validator;
    private final LivePositions live;
    private final TrackWriter history;
    private final RejectionJournal rejections;
    private final Clock clock;
    private final Map<PositionSource, Map<IngestOutcome.Status, Counter>> taken = new EnumMap<>(PositionSource.class);
    private final Map<RejectReason, Counter> refused = new EnumMap<>(RejectReason.class);

    public PositionPipeline(DeviceDirectory directory, PositionValidator validator, LivePositions live, TrackWriter history,
                            RejectionJournal rejections, Clock clock, MeterRegistry meters) {
        this.directory = directory;
        this.validator = validator;
        this.live = live;
        this.history = history;
        this.rejections = rejections;
        this.clock = clock;
        for (PositionSource source : PositionSource.values()) {
            Map<IngestOutcome.Status, Counter> bySource = new EnumMap<>(IngestOutcome.Status.class);
            for (IngestOutcome.Status status : IngestOutcome.Status.values()) {
                if (status != IngestOutcome.Status.REJECTED) {
                    bySource.put(status, Counter.builder("siaga.tracking.positions").tag("source", source.name())
                            .tag("outcome", status.name()).description("reported fixes taken in, by door and outcome").register(meters));
                }
            }
            taken.put(source, bySource);
        }
        for (RejectReason reason : RejectReason.values()) {
            refused.put(reason, Counter.builder("siaga.tracking.positions.rejected").tag("reason", reason.name())
                    .description("reported fixes refused, by reason").register(meters));
        }
    }

    /** One OsmAnd request: the request target, its content type (may be null) and body (may be empty). */
    public IngestResult osmAnd(String uri, String contentType, byte[] body) {
        return osmAndAsync(uri, contentType, body).join();
    }

    /** {@link #osmAnd}, answered once its fix is kept. */
    public CompletableFuture<IngestResult> osmAndAsync(String uri, String contentType, byte[] body) {
        return run(PositionSource.OSMAND_HTTP, () -> OsmAndPositionDecoder.decode(uri, contentType, body));
    }

    /** A JSON batch of Traccar Client positions, buffered by a phone while offline. */
    public IngestResult batch(byte[] body) {
        return batchAsync(body).join();
    }

    /** {@link #batch}, answered once its fixes are kept. */
    public CompletableFuture<IngestResult> batchAsync(byte[] body) {
        return run(PositionSource.JSON_BATCH, () -> JsonPositionDecoder.batch(body));
    }

    /** One MQTT message of {@code siaga/units/{unitId}/position}; returns once its fix is kept (acknowledge it then). */
    public IngestResult mqtt(String unitId, byte[] payload) {
        return mqttAsync(unitId, payload).join();
    }

    /**
     * {@link #mqtt}, answered once its fix is kept: for a client that acknowledges messages itself, so that one
     * connection's messages need not wait for each other's commit. The writer keeps fixes first in, first out.
     */
    public CompletableFuture<IngestResult> mqttAsync(String unitId, byte[] payload) {
        return run(PositionSource.MQTT, () -> List.of(JsonPositionDecoder.mqtt(unitId, payload)));
    }

    /** A fix another capability already read (the officer app's browser geolocation); returns once it is kept. */
    public IngestResult report(PositionReport report) {
        return run(report.source(), () -> List.of(DecodedFix.of(report))).join();
    }

    private CompletableFuture<IngestResult> run(PositionSource door, Supplier<List<DecodedFix>> decode) {
        Instant receivedAt = clock.instant();
        List<DecodedFix> fixes = decode.get();
        if (!history.tryReserve(fixes.size())) {
            return CompletableFuture.completedFuture(IngestResult.refusedBusy());
        }
        List<IngestOutcome> outcomes = new ArrayList<>(fixes.size());
        List<Position> keep = new ArrayList<>(fixes.size());
        boolean ingested = false;
        try {
            for (DecodedFix fix : fixes) {
                outcomes.add(ingest(door, fix, receivedAt, keep));
            }
            ingested = true;
        } finally {
            history.release(ingested ? fixes.size() - keep.size() : fixes.size());
        }
        IngestResult result = new IngestResult(false, outcomes);
        if (keep.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        return history.commit(keep).thenApply(kept -> kept ? result : IngestResult.refusedBusy());
    }

    /** What becomes of one fix; those to keep in history are added to {@code keep}. */
    private IngestOutcome ingest(PositionSource door, DecodedFix fix, Instant receivedAt, List<Position> keep) {
        if (fix.isMalformed()) {
            String unit = fix.unitId() != null ? (directory.isUnit(fix.unitId()) ? fix.unitId() : null)
                    : fix.deviceId() == null ? null : directory.unitOfDevice(fix.deviceId()).orElse(null);
            return refuse(new Rejection(RejectReason.MALFORMED, fix.problem(), fix.deviceId(), unit, door, fix.values()));
        }
        PositionReport report = fix.report();
        Optional<Rejection> unknown = identify(report);
        if (unknown.isPresent()) {
            return refuse(unknown.get());
        }
        String unit = unitOf(report);
        String device = report.deviceId() != null ? report.deviceId() : unit;
        LivePositions.UnitState state = live.state(unit);
        if (report.isHeartbeat()) {
            state.seen(receivedAt);
            return count(report.source(), IngestOutcome.HEARTBEAT);
        }
        PositionValidator.Sanitized kept = validator.sanitize(new Position(unit, device, report.fixTime() == null ? receivedAt : report.fixTime(),
                report.latitude(), report.longitude(), report.speedMetersPerSecond(), report.bearingDegrees(), report.altitudeMeters(),
                report.accuracyMeters(), report.batteryPercent(), report.source(), receivedAt));
        if (!kept.dropped().isEmpty()) {
            log.debug("fix of {} from {}: impossible {} left out, the position kept", unit, device, kept.dropped());
        }
        Position p = kept.position();
        Verdict verdict;
        synchronized (state) {
            verdict = validator.check(p, state.last);
            switch (verdict.kind()) {
                case ADVANCE:
                    state.seen(receivedAt);
                    state.last = p;
                    keep.add(p);
                    for (PositionListener listener : live.listeners()) {
                        listener.positionAccepted(p);
                    }
                    return count(p.source(), IngestOutcome.ACCEPTED);
                case OUT_OF_ORDER:
                    state.seen(receivedAt);
                    keep.add(p);
                    return count(p.source(), IngestOutcome.OUT_OF_ORDER);
                case DUPLICATE:
                    state.seen(receivedAt);
                    keep.add(p); // its first sending may not have been kept (the sender was told to resend); stored once
                    return count(p.source(), IngestOutcome.DUPLICATE);
                default:
                    break;
            }
        }
        return refuse(new Rejection(verdict.reason(), verdict.detail(), device, unit, p.source(),
                Map.of("lat", p.latitude(), "lon", p.longitude(), "fixTime", p.fixTime().toString())));
    }

    /** The refusal when the device or unit is nobody's, else empty. */
    private Optional<Rejection> identify(PositionReport r) {
        if (r.unitId() == null) {
            if (directory.unitOfDevice(r.deviceId()).isEmpty()) {
                return Optional.of(new Rejection(RejectReason.UNKNOWN_DEVICE, "unknown device " + FixTimes.abbreviate(r.deviceId()),
                        r.deviceId(), null, r.source(), Map.of()));
            }
            return Optional.empty();
        }
        if (!directory.isUnit(r.unitId())) {
            return Optional.of(new Rejection(RejectReason.UNKNOWN_UNIT, "unknown unit " + FixTimes.abbreviate(r.unitId()),
                    r.deviceId(), null, r.source(), Map.of("unit", FixTimes.abbreviate(r.unitId()))));
        }
        if (r.deviceId() != null) {
            Optional<String> owner = directory.unitOfDevice(r.deviceId());
            if (owner.isPresent() && !owner.get().equals(r.unitId())) {
                return Optional.of(new Rejection(RejectReason.DEVICE_OF_ANOTHER_UNIT, "device " + r.deviceId() + " belongs to unit "
                        + owner.get() + ", not " + r.unitId(), r.deviceId(), r.unitId(), r.source(), Map.of("owner", owner.get())));
            }
        }
        return Optional.empty();
    }

    private String unitOf(PositionReport r) {
        return r.unitId() != null ? r.unitId() : directory.unitOfDevice(r.deviceId()).orElseThrow();
    }

    private IngestOutcome count(PositionSource source, IngestOutcome outcome) {
        taken.get(source).get(outcome.status()).increment();
        return outcome;
    }

    private IngestOutcome refuse(Rejection r) {
        refused.get(r.reason()).increment();
        rejections.rejected(r);
        return IngestOutcome.rejected(r.reason(), r.detail());
    }
}
