package id.siaga.incident;

import java.time.Instant;
import java.util.Map;

/** An incident was opened by {@code actor}. */
public record IncidentCreated(Incident incident, String actor, Instant at) implements IncidentEvent {

    @Override
    public Map<String, Object> facts() {
        Incident i = incident;
        IncidentLocation where = i.location().orElse(null);
        return IncidentEvent.facts("type", i.type().name(), "priority", i.priority(), "station", i.station(), "takingStation",
                i.takingStation(), "channel", i.channel().name(), "externalReference", i.channel().externalReference(), "call", i.callId(),
                "callAnsweredAt", i.callAnsweredAt().map(Instant::toString), "latitude", where == null ? null : where.point().latitude(),
                "longitude", where == null ? null : where.point().longitude(), "uncertaintyMeters", where == null ? null : where.uncertaintyMeters(),
                "locationOrigin", where == null ? null : where.origin().name(), "address", i.snapshot().address(), "description", i.snapshot().description(),
                "callerNumber", i.callerNumber(), "callerName", i.callerName());
    }
}
