package id.siaga.integration.eido;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.UnitView;
import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One unit sent to the incident as EIDO components: the dispatch (who sent which unit for which station) and the
 * emergency resource (the unit: kind, status in the common registries and ours, ETA while it is coming, its live
 * position as a UnitLocation while it works on the incident).
 */
final class EidoResources {

    /** Writes a component's prologue: identifier, last change, agency and (when a person made it) agent. */
    interface Prologue {
        ObjectNode of(String id, Instant at, StationId agency, String agent);
    }

    /** What one assignment became: the unit's station (an agency Dispatched), the dispatch and the resource. */
    record Sent(StationId station, ObjectNode dispatch, ObjectNode resource) {
    }

    private final EidoIdentifiers ids;
    private final Function<Instant, String> time;
    private final Prologue prologue;

    EidoResources(EidoIdentifiers ids, Function<Instant, String> time, Prologue prologue) {
        this.ids = ids;
        this.time = time;
        this.prologue = prologue;
    }

    /**
     * @param owner     the station responsible for the incident, which dispatches
     * @param assigner  the agent identifier of the dispatcher who sent the unit
     * @param locations the document's locations, to which the unit's live position is added
     */
    Sent write(Assignment a, String trackingId, Optional<UnitView> view, StationId owner, String assigner, ArrayNode locations) {
        StationId station = view.map(UnitView::station).orElse(owner);
        Instant last = Stream.of(a.assignedAt(), a.acknowledgedAt(), a.enRouteAt(), a.onSceneAt(), a.endedAt()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(a.assignedAt());
        String unitId = ids.component("unit" + a.unitId(), station);

        ObjectNode resource = prologue.of(unitId, last, station, null);
        resource.put("emergencyResourceTypeCommonRegistryText", view.map(v -> EidoCodes.resourceType(v.kind())).orElse("PatrolUnit"));
        view.ifPresent(v -> resource.put("emergencyResourceTypeInternalText", v.kind().name()));
        resource.putArray("resourceAttributeRegistryText");
        view.ifPresent(v -> resource.putArray("resourceAttributeInternalText").add(v.kind().name()));
        resource.put("emergencyResourceName", view.map(UnitView::callSign).filter(s -> s != null && !s.isBlank()).orElse(a.unitId()));
        resource.put("primaryUnitStatusRegistryText", view.map(v -> EidoCodes.primaryUnitStatus(v.status()))
                .orElse(EidoCodes.primaryUnitStatus(a.state())));
        resource.putArray("secondaryUnitStatusRegistryText").add(EidoCodes.secondaryUnitStatus(a.state()));
        ArrayNode internal = resource.putArray("unitStatusInternal").add("ASSIGNMENT_" + a.state().name());
        view.ifPresent(v -> internal.add("UNIT_" + v.status().name()));
        resource.putArray("agentReference");
        if (a.isActive()) {
            view.filter(v -> v.latitude() != null && v.longitude() != null).ifPresent(v -> {
                String locationId = ids.component("unit" + a.unitId() + "at" + a.id().value(), station);
                Instant fixed = v.fixTime() != null ? v.fixTime() : last;
                ObjectNode l = prologue.of(locationId, fixed, station, null);
                l.put("locationTypeDescriptionRegistryText", "UnitLocation");
                l.put("locationByValue", pidfLo(locationId, v.latitude(), v.longitude(), null, "GPS", time.apply(fixed)));
                locations.add(l);
                resource.set("unitLocationReference", l.objectNode().put("$ref", locationId));
            });
            if (a.onSceneAt() == null && a.etaAtAssignment() != null) {
                resource.put("eta", time.apply(a.assignedAt().plus(a.etaAtAssignment())));
            }
            resource.put("activeOnIncidentId", trackingId);
        }

        ObjectNode dispatch = prologue.of(ids.component("dispatch" + a.id().value(), owner), last, owner, assigner);
        dispatch.set("agencyReference", dispatch.objectNode().put("$ref", ids.agency(station)));
        dispatch.set("agentReference", dispatch.objectNode().put("$ref", assigner));
        dispatch.putArray("emergencyResourceReference").add(dispatch.objectNode().put("$ref", unitId));
        return new Sent(station, dispatch, resource);
    }

    /**
     * A position as a PIDF-LO document (RFC 4119, shapes of RFC 5491): a circle when its uncertainty is known, else a
     * point, WGS 84 latitude then longitude. Only numbers and our own identifiers go in, so nothing needs escaping.
     */
    static String pidfLo(String entity, double latitude, double longitude, Double uncertaintyMeters, String method, String timestamp) {
        String pos = String.format(Locale.ROOT, "%.6f %.6f", latitude, longitude);
        String shape = uncertaintyMeters == null
                ? "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" + pos + "</gml:pos></gml:Point>"
                : "<gs:Circle srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" + pos + "</gml:pos>"
                + String.format(Locale.ROOT, "<gs:radius uom=\"urn:ogc:def:uom:EPSG::9001\">%.1f</gs:radius>", uncertaintyMeters)
                + "</gs:Circle>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" xmlns:gml=\"http://www.opengis.net/gml\""
                + " xmlns:gs=\"http://www.opengis.net/pidflo/1.0\" entity=\"pres:" + entity.replaceAll("[^A-Za-z0-9:.@_-]", "") + "\">"
                + "<dm:device id=\"location\"><gp:geopriv><gp:location-info>" + shape + "</gp:location-info>"
                + "<gp:usage-rules/><gp:method>" + method + "</gp:method></gp:geopriv>"
                + "<dm:timestamp>" + timestamp + "</dm:timestamp></dm:device></presence>";
    }
}
