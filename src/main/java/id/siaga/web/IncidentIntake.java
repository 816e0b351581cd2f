package id.siaga.web;

import id.siaga.incident.Channel;
import id.siaga.incident.IncidentConflictException;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.NewIncident;
import id.siaga.org.GeoPoint;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns a create request into the incident's opening facts, by who asks. An operator or dispatcher opening from a
 * 110 call names the call: it must exist, be visible to them and have been answered; its best fix, caller number
 * and answer time are taken unless the request gives them (a location given is one the operator PICKED). An
 * operator may also record a report from another channel (a walk-in) by naming it. An integration client
 * (Polisiku, Binmas Online) must name its channel and give the location it REPORTED; it cannot link calls.
 */
@Component
class IncidentIntake {

    private final CallLookup calls;
    private final LocationReads locationReads;

    IncidentIntake(CallLookup calls, LocationReads locationReads) {
        this.calls = calls;
        this.locationReads = locationReads;
    }

    NewIncident draft(IncidentViews.NewIncidentRequest r, Authentication auth) {
        SiagaPrincipal me = StationScope.principal(auth);
        boolean takesReports = me.has(Role.OPERATOR) || me.has(Role.DISPATCHER);
        if (!takesReports) {
            return fromIntegration(r);
        }
        if (r.callId() != null && !r.callId().isBlank()) {
            return fromCall(r, auth);
        }
        if (r.channel() == null || r.channel().isBlank()) {
            throw new IllegalArgumentException("give callId for a 110 call, or the channel the report came by (e.g. WALK_IN)");
        }
        return new NewIncident(r.type(), r.priority(), location(r.location(), IncidentLocation.Origin.PICKED), r.address(), r.description(),
                r.callerNumber(), r.callerName(), Channel.external(r.channel(), r.externalReference()), null, null);
    }

    private NewIncident fromIntegration(IncidentViews.NewIncidentRequest r) {
        if (r.callId() != null) {
            throw new IllegalArgumentException("an integration client reports from its own channel; callId is for operators");
        }
        if (r.channel() == null || r.channel().isBlank()) {
            throw new IllegalArgumentException("an integration client must name its channel (e.g. POLISIKU)");
        }
        if (r.location() == null) {
            throw new IllegalArgumentException("an integration client must give the location of the report");
        }
        return new NewIncident(r.type(), r.priority(), location(r.location(), IncidentLocation.Origin.REPORTED), r.address(), r.description(),
                r.callerNumber(), r.callerName(), Channel.external(r.channel(), r.externalReference()), null, null);
    }

    private NewIncident fromCall(IncidentViews.NewIncidentRequest r, Authentication auth) {
        if (r.channel() != null && !r.channel().equals(Channel.CALL_110.name())) {
            throw new IllegalArgumentException("an incident from a 110 call has channel CALL_110, not " + r.channel());
        }
        CallLookup.Found call = calls.find(r.callId().strip());
        calls.requireVisible(auth, call);
        Instant answeredAt = call.answeredAt().orElseThrow(() -> new IncidentConflictException("call " + r.callId().strip()
                + " has not been answered: an incident is opened from a call an operator answered"));
        IncidentLocation where = location(r.location(), IncidentLocation.Origin.PICKED);
        if (where == null) {
            GeoPoint fix = call.position().orElse(null);
            if (fix == null && r.type().needsUnits()) {
                throw new IllegalArgumentException("call " + r.callId().strip() + " has no location fix: pick the location of the "
                        + r.type() + " (location)");
            }
            if (fix != null) {
                where = new IncidentLocation(fix, call.uncertaintyMeters(), IncidentLocation.Origin.CALL);
                locationReads.read(auth, r.callId().strip(), "POST /api/incidents");
            }
        }
        String callerNumber = r.callerNumber() != null ? r.callerNumber() : call.callerNumber();
        return new NewIncident(r.type(), r.priority(), where, r.address(), r.description(), callerNumber, r.callerName(), Channel.CALL_110,
                r.callId().strip(), answeredAt);
    }

    private static IncidentLocation location(IncidentViews.Position p, IncidentLocation.Origin origin) {
        return p == null ? null : IncidentLocation.of(p.latitude(), p.longitude(), p.uncertaintyMeters(), origin);
    }
}
