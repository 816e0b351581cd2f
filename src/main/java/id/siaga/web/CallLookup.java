package id.siaga.web;

import id.siaga.incident.Incident;
import id.siaga.integration.eido.EidoCall;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import id.siaga.security.OutOfScopeException;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallView;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One 110 call by id, wherever it is now, and whether a user may see it. A live call is visible to a user who can
 * see its responsible station or any station whose phones ring for it (so the Polda operators it climbed to see
 * it too); a finished call, to a user who can see its responsible station.
 */
@Component
class CallLookup {

    private static final Logger log = LoggerFactory.getLogger(CallLookup.class);

    /** A call as found: live ({@code live} set) or finished ({@code record} set). */
    record Found(CallView live, CallRecord record) {

        boolean isLive() {
            return live != null;
        }

        /** When an operator answered it; empty if nobody did. */
        Optional<Instant> answeredAt() {
            return Optional.ofNullable(isLive() ? live.answeredAt() : record.answeredAt());
        }

        String callerNumber() {
            return isLive() ? live.callerNumber() : record.callerNumber();
        }

        /** When the call reached us. */
        Instant offeredAt() {
            return isLive() ? live.offeredAt() : record.offeredAt();
        }

        /** When it ended; empty while it lasts. */
        Optional<Instant> endedAt() {
            return isLive() ? Optional.empty() : Optional.ofNullable(record.endedAt());
        }

        /** The responsible station (the caller's jurisdiction). */
        String station() {
            return isLive() ? live.station() : record.station();
        }

        /** The call's best fix as the pipeline knows it; the history keeps no uncertainty. */
        Optional<GeoPoint> position() {
            Double lat = isLive() ? live.latitude() : record.latitude();
            Double lon = isLive() ? live.longitude() : record.longitude();
            return lat == null || lon == null ? Optional.empty() : Optional.of(new GeoPoint(lat, lon));
        }

        Double uncertaintyMeters() {
            return isLive() ? live.uncertaintyMeters() : null;
        }
    }

    private final CallCoordinator coordinator;
    private final id.siaga.telephony.RemoteCalls remote;
    private final CallRecordStore records;
    private final StationScope scope;

    CallLookup(CallCoordinator coordinator, id.siaga.telephony.RemoteCalls remote, CallRecordStore records, StationScope scope) {
        this.coordinator = coordinator;
        this.remote = remote;
        this.records = records;
        this.scope = scope;
    }

    /** The live calls of the whole cluster: this node's and those the other nodes carry, oldest offer first. */
    java.util.List<CallView> liveEverywhere() {
        java.util.List<CallView> remoteCalls = remote.all();
        if (remoteCalls.isEmpty()) {
            return coordinator.live();
        }
        java.util.List<CallView> all = new java.util.ArrayList<>(coordinator.live());
        all.addAll(remoteCalls);
        all.sort(java.util.Comparator.comparing(CallView::offeredAt));
        return all;
    }

    /** The node that carries a live call another node of the cluster has: empty for this node's own and for finished calls. */
    Optional<String> remoteNodeOf(String callId) {
        return remote.find(callId).map(id.siaga.telephony.RemoteCalls.RemoteCall::node);
    }

    /**
     * Live first (this node's, then the other nodes'), then just ended, then the history: a call leaves the loop for the just-ended set before its
     * record is written, and leaves that set only once the record is kept (in the database or its spool).
     *
     * @throws NoSuchElementException when the call is nowhere (or the id cannot be a call's)
     */
    Found find(String id) {
        CallId callId = callId(id);
        Optional<CallView> live = coordinator.live().stream().filter(c -> c.id().equals(callId.value())).findFirst();
        if (live.isPresent()) {
            return new Found(live.get(), null);
        }
        Optional<id.siaga.telephony.RemoteCalls.RemoteCall> elsewhere = remote.find(callId.value());
        if (elsewhere.isPresent()) {
            return new Found(elsewhere.get().view(), null);
        }
        CallRecord r = coordinator.justEnded(callId).or(() -> records.find(callId)).orElseThrow(() -> new NoSuchElementException("no call " + id));
        return new Found(null, r);
    }

    /** @throws OutOfScopeException when the user may not see the call */
    void requireVisible(Authentication auth, Found call) {
        if (call.isLive()) {
            if (!visible(auth, call.live())) {
                SiagaPrincipal me = StationScope.principal(auth);
                throw new OutOfScopeException(me.username(), me.station(), StationId.of(call.live().station()));
            }
        } else {
            scope.requireVisible(auth, StationId.of(call.record().station()));
        }
    }

    boolean visible(Authentication auth, CallView call) {
        return scope.canSee(auth, StationId.of(call.station()))
                || call.ringingStations().stream().anyMatch(s -> scope.canSee(auth, StationId.of(s)));
    }

    static CallId callId(String id) {
        try {
            return new CallId(id);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("no call " + id);
        }
    }

    /**
     * The 110 call an incident came from, for its EIDO: the call's own times when telephony still knows the call, else what
     * the incident kept of it; empty for an incident that came from no call.
     */
    Optional<EidoCall> eidoCall(Incident incident) {
        return incident.callId().map(callId -> {
            try {
                Found call = find(callId);
                return new EidoCall(callId, call.offeredAt(), call.answeredAt().orElse(null), call.endedAt().orElse(null), call.callerNumber());
            } catch (RuntimeException e) {
                log.warn("call {} of incident {}: not found for its EIDO ({}); the call is described from the incident", callId, incident.id(),
                        e.toString());
                Instant answered = incident.callAnsweredAt().orElse(incident.createdAt());
                return new EidoCall(callId, answered, incident.callAnsweredAt().orElse(null), null, incident.callerNumber().orElse(null));
            }
        });
    }
}
