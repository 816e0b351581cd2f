package id.siaga.integration.eido;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.UnitView;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentNote;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.StatusChange;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one EIDO (NENA-STA-021.1b, {@code EmergencyIncidentDataObjectType}) for one incident. Every data component
 * carries the prologue the schema requires ({@code $id}, {@code lastUpdateTimeStamp}, {@code updatedByAgencyReference},
 * and {@code updatedByAgentReference} where a person made it); every agency and agent referenced is listed once.
 * Times are RFC 3339 in the responsible station's time zone. One instance per document.
 */
final class EidoDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final EidoIdentifiers ids;
    private final StationTree stations;
    private final Function<String, Optional<EidoExport.Staff>> staff;
    private final Function<String, Optional<UnitView>> units;
    private final Function<IncidentId, Optional<Incident>> otherIncidents;

    /** Agencies by station, with their roles in this incident, in the order first met. */
    private final Map<StationId, Set<String>> agencies = new LinkedHashMap<>();
    /** Agents by identifier: who, for which station, in which roles. */
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private ZoneId zone = ZoneId.of("Asia/Jakarta");
    private Instant created;

    private record Agent(String username, StationId station, Set<String> roles) {
    }

    EidoDocument(EidoIdentifiers ids, StationTree stations, Function<String, Optional<EidoExport.Staff>> staff,
                 Function<String, Optional<UnitView>> units, Function<IncidentId, Optional<Incident>> otherIncidents) {
        this.ids = ids;
        this.stations = stations;
        this.staff = staff;
        this.units = units;
        this.otherIncidents = otherIncidents;
    }

    ObjectNode write(Incident incident, List<Assignment> assignments, Optional<EidoCall> call) {
        zone = stations.find(incident.station()).map(s -> s.timeZone().zone()).orElse(zone);
        created = incident.createdAt();
        StationId owner = incident.station();
        String trackingId = ids.incident(incident.id().value(), incident.takingStation());
        String unique = EidoIdentifiers.unique(incident.id().value());

        agency(owner, "Dispatching");
        agency(incident.takingStation(), "CallReceiving");
        String creator = agent(incident.createdBy(), incident.takingStation(), "Call Taking");

        ArrayNode locations = NODES.arrayNode();
        Optional<String> incidentLocation = incident.location()
                .map(l -> locations.add(location(ids.component(unique + "location", incident.takingStation()), "CurrentIncident", l,
                        incident.address(), incident.createdAt(), incident.takingStation(), creator)))
                .map(a -> a.get(a.size() - 1).path("$id").asString());

        ArrayNode notes = NODES.arrayNode();
        if (incident.description() != null && !incident.description().isBlank()) {
            notes.add(note(incident, unique + "description", new IncidentNote(incident.createdBy(), incident.createdAt(), incident.description())));
        }
        for (int n = 0; n < incident.notes().size(); n++) {
            notes.add(note(incident, unique + "note" + n, incident.notes().get(n)));
        }

        ArrayNode callbacks = NODES.arrayNode();
        String number = incident.callerNumber().orElse(call.map(EidoCall::callerNumber).orElse(null));
        Instant reported = call.map(EidoCall::offeredAt).orElse(incident.createdAt());
        ObjectNode callback = number == null ? null : callback(unique + "callback", number, reported, incident.takingStation());
        if (callback != null) {
            callbacks.add(callback);
        }
        ArrayNode persons = NODES.arrayNode();
        if (callback != null || incident.callerName().isPresent()) {
            persons.add(reporter(incident, unique + "reporter", call, callback, creator));
        }
        ArrayNode calls = NODES.arrayNode();
        call.ifPresent(c -> calls.add(call(c, incident, callback, incidentLocation, creator, persons)));

        ArrayNode dispatches = NODES.arrayNode();
        ArrayNode resources = NODES.arrayNode();
        for (Assignment a : assignments) {
            EidoResources.Sent sent = new EidoResources(ids, this::time, this::prologue).write(a, trackingId, units.apply(a.unitId()),
                    owner, agent(a.assignedBy() == null ? "system" : a.assignedBy(), owner, "Dispatching"), locations);
            agency(sent.station(), "Dispatched");
            dispatches.add(sent.dispatch());
            resources.add(sent.resource());
        }

        ObjectNode eido = prologue(trackingId, lastUpdate(incident, assignments), owner, null);
        eido.put("eidoVersion", "1.0");
        eido.put("issuingElementIdentification", ids.element());
        merges(incident, eido);
        eido.set("incidentComponent", incidentComponent(incident, unique, owner, incidentLocation, persons, notes));
        putIfAny(eido, "callComponent", calls);
        putIfAny(eido, "callbackComponent", callbacks);
        putIfAny(eido, "dispatchComponent", dispatches);
        putIfAny(eido, "notesComponent", notes);
        putIfAny(eido, "emergencyResourceComponent", resources);
        eido.set("agencyComponent", agencyComponents());
        eido.set("agentComponent", agentComponents());
        putIfAny(eido, "locationComponent", locations);
        putIfAny(eido, "personComponent", persons);
        return eido;
    }

    private ObjectNode incidentComponent(Incident incident, String unique, StationId owner, Optional<String> location, ArrayNode persons,
                                         ArrayNode notes) {
        Instant changed = Stream.concat(incident.history().stream().map(StatusChange::at), incident.notes().stream().map(IncidentNote::at))
                .max(Comparator.naturalOrder()).orElse(incident.createdAt());
        ObjectNode c = prologue(ids.component(unique + "incident", owner), changed, owner, null);
        c.put("incidentTypeInternalCode", incident.type().name());
        c.put("incidentTypeInternalText", incident.type().label());
        c.put("incidentTypeCommonRegistryText", EidoCodes.incidentType(incident.type()));
        c.putArray("incidentStatusInternalText").add(incident.status().name());
        boolean reopened = incident.history().stream().anyMatch(h -> h.status() == IncidentStatus.RESOLVED);
        List<String> common = EidoCodes.incidentStatus(incident.status(), reopened);
        if (!common.isEmpty()) {
            ArrayNode statuses = c.putArray("incidentStatusCommonRegistryText");
            common.forEach(statuses::add);
        }
        c.put("internalIncidentId", incident.id().value());
        ArrayNode involved = c.putArray("agentReference");
        agents.keySet().forEach(a -> involved.add(reference(a)));
        location.ifPresent(l -> c.putArray("locationReference").add(reference(l)));
        references(c, "personReference", persons);
        c.put("incidentPriorityInternalText", "P" + incident.priority());
        c.put("incidentCommonPriorityNumber", EidoCodes.commonPriority(incident.priority()));
        stations.find(owner).map(Station::name).ifPresent(name -> c.put("beatOrDispatchGroupText", name));
        references(c, "notesReference", notes);
        return c;
    }

    /** A merged-away incident names the one it now lives in (REPLACED); links are RELATED both ways. */
    private void merges(Incident incident, ObjectNode eido) {
        incident.mergedInto().flatMap(otherIncidents).ifPresent(survivor -> {
            ObjectNode m = prologue(ids.component(EidoIdentifiers.unique(incident.id().value()) + "merge", incident.station()),
                    incident.history().get(incident.history().size() - 1).at(), incident.station(), null);
            m.put("incidentTrackingIdentifier", ids.incident(survivor.id().value(), survivor.takingStation()));
            m.put("incidentMergeDirectionCode", "REPLACED");
            eido.putArray("mergeComponent").add(m);
        });
        ArrayNode links = NODES.arrayNode();
        for (IncidentId linked : incident.links()) {
            if (incident.mergedInto().filter(linked::equals).isPresent()) {
                continue;
            }
            otherIncidents.apply(linked).ifPresent(other -> {
                ObjectNode l = prologue(ids.component(EidoIdentifiers.unique(incident.id().value()) + "link"
                        + EidoIdentifiers.unique(linked.value()), incident.station()), incident.createdAt(), incident.station(), null);
                l.put("incidentTrackingIdentifier", ids.incident(other.id().value(), other.takingStation()));
                l.put("linkDirectionCode", "RELATED");
                links.add(l);
            });
        }
        putIfAny(eido, "linkComponent", links);
    }

    private ObjectNode note(Incident incident, String unique, IncidentNote note) {
        String author = agent(note.author(), incident.station(), null);
        StationId by = agents.get(author).station();
        ObjectNode n = prologue(ids.component(unique, by), note.at(), by, author);
        n.put("notesActionComments", html(note.text()));
        n.set("agentReference", reference(author));
        return n;
    }

    private ObjectNode call(EidoCall c, Incident incident, ObjectNode callback, Optional<String> location, String creator, ArrayNode persons) {
        Instant last = Stream.of(c.offeredAt(), c.answeredAt(), c.endedAt()).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(c.offeredAt());
        ObjectNode call = prologue(ids.call(c.callId()), last, incident.takingStation(), null);
        call.put("standardPrimaryCallType", "emergency");
        call.put("localCallType", "110");
        call.put("direction", "incoming");
        call.put("callStartTimestamp", time(c.offeredAt()));
        Optional.ofNullable(c.answeredAt()).or(incident::callAnsweredAt).ifPresent(a -> call.put("answerDate", time(a)));
        call.put("callStateRegistryText", c.endedAt() != null ? "callEnd" : c.answeredAt() != null ? "callAnswered" : "callBegin");
        call.putArray("agentReference").add(reference(creator));
        if (callback != null) {
            call.set("callBackReference", reference(callback.path("$id").asString()));
        }
        location.ifPresent(l -> call.putArray("locationReference").add(reference(l)));
        references(call, "personReference", persons);
        call.putArray("agencyReference").add(reference(ids.agency(incident.takingStation())));
        return call;
    }

    private ObjectNode callback(String unique, String number, Instant at, StationId taking) {
        String digits = number.replaceAll("[^0-9+]", "");
        if (digits.isEmpty()) {
            return null;
        }
        ObjectNode cb = prologue(ids.component(unique, taking), at, taking, null);
        cb.putArray("callBackInformationUri").add("tel:" + digits);
        return cb;
    }

    /** The person who reported it: the caller of a 110 call, else the reporting party, with a name (NIEM) when given. */
    private ObjectNode reporter(Incident incident, String unique, Optional<EidoCall> call, ObjectNode callback, String creator) {
        ObjectNode p = prologue(ids.component(unique, incident.takingStation()), incident.createdAt(), incident.takingStation(), creator);
        incident.callerName().ifPresent(name -> p.putObject("ncPersonComponent").putArray("name").addObject()
                .putArray("personFullName").addObject().put("value", name));
        p.putArray("personIncidentRoleRegistryText").add(call.isPresent() ? "Caller" : "ReportingParty");
        call.ifPresent(c -> p.putArray("callIdentifier").add(ids.call(c.callId())));
        if (callback != null) {
            p.set("callBackReference", reference(callback.path("$id").asString()));
        }
        return p;
    }

    /** A point (or a circle when its uncertainty is known) as PIDF-LO (RFC 4119 with the GeoShape of RFC 5491). */
    ObjectNode location(String id, String type, IncidentLocation where, String address, Instant at, StationId by, String agent) {
        ObjectNode l = prologue(id, at, by, agent);
        l.put("locationTypeDescriptionRegistryText", type);
        l.put("locationByValue", EidoResources.pidfLo(id, where.point().latitude(), where.point().longitude(), where.uncertaintyMeters(),
                switch (where.origin()) {
                    case PICKED -> "Manual";
                    case CALL, REPORTED -> "Derived";
                }, time(at)));
        if (address != null && !address.isBlank()) {
            l.put("locationDescriptionText", address);
        }
        return l;
    }

    private ArrayNode agencyComponents() {
        ArrayNode list = NODES.arrayNode();
        agencies.forEach((station, roles) -> {
            String id = ids.agency(station);
            ObjectNode a = prologue(id, created, station, null);
            stations.find(station).ifPresent(s -> a.put("agencyJcard", jcard(s.name(), "org")));
            ArrayNode r = a.putArray("agencyRoleDescriptionRegistryText");
            roles.forEach(r::add);
            a.putArray("agencyType").add("police");
            a.put("incidentOwningAgencyIndicator", roles.contains("Dispatching"));
            list.add(a);
        });
        return list;
    }

    private ArrayNode agentComponents() {
        ArrayNode list = NODES.arrayNode();
        agents.forEach((id, agent) -> {
            ObjectNode a = prologue(id, created, agent.station(), null);
            ArrayNode r = a.putArray("agentRoleRegistryText");
            agent.roles().forEach(r::add);
            a.set("agencyReference", reference(ids.agency(agent.station())));
            list.add(a);
        });
        return list;
    }

    /** Notes the station as an agency of the incident in this role. */
    private void agency(StationId station, String role) {
        agencies.computeIfAbsent(station, s -> new LinkedHashSet<>()).add(role);
    }

    /**
     * The agent identifier of a username, listed with the role (a dispatcher's own role when none is given); its station
     * is the user's home station, or {@code fallback} for someone the accounts do not know (an integration client).
     */
    private String agent(String username, StationId fallback, String role) {
        Optional<EidoExport.Staff> known = staff.apply(username);
        StationId station = known.map(EidoExport.Staff::station).orElse(fallback);
        String id = ids.agent(username, station);
        Agent agent = agents.computeIfAbsent(id, k -> new Agent(username, station, new LinkedHashSet<>()));
        agent.roles().add(role != null ? role : known.filter(EidoExport.Staff::dispatcher).isPresent() ? "Dispatching" : "Call Taking");
        agency(station, agencies.containsKey(station) ? agencies.get(station).iterator().next() : "Assisting");
        return id;
    }

    private ObjectNode prologue(String id, Instant at, StationId agency, String agent) {
        ObjectNode p = NODES.objectNode();
        p.put("$id", id);
        p.put("lastUpdateTimeStamp", time(at));
        p.set("updatedByAgencyReference", reference(ids.agency(agency)));
        if (agent != null) {
            p.set("updatedByAgentReference", reference(agent));
        }
        return p;
    }

    private Instant lastUpdate(Incident incident, List<Assignment> assignments) {
        List<Instant> times = new ArrayList<>();
        incident.history().forEach(h -> times.add(h.at()));
        incident.notes().forEach(n -> times.add(n.at()));
        for (Assignment a : assignments) {
            Stream.of(a.assignedAt(), a.acknowledgedAt(), a.enRouteAt(), a.onSceneAt(), a.endedAt()).filter(Objects::nonNull).forEach(times::add);
        }
        return times.stream().max(Comparator.naturalOrder()).orElse(incident.createdAt());
    }

    String time(Instant at) {
        return TIME.format(at.truncatedTo(ChronoUnit.MILLIS).atZone(zone).toOffsetDateTime());
    }

    private static ObjectNode reference(String id) {
        return NODES.objectNode().put("$ref", id);
    }

    /** References to each component of {@code components}, when there are any. */
    private static void references(ObjectNode parent, String name, ArrayNode components) {
        if (!components.isEmpty()) {
            ArrayNode refs = parent.putArray(name);
            components.forEach(c -> refs.add(reference(c.path("$id").asString())));
        }
    }

    private static void putIfAny(ObjectNode parent, String name, ArrayNode list) {
        if (!list.isEmpty()) {
            parent.set(name, list);
        }
    }

    /** A jCard (RFC 7095) of a name, as the JSON text the schema's string field takes. */
    private static String jcard(String name, String kind) {
        ArrayNode card = NODES.arrayNode().add("vcard");
        ArrayNode props = card.addArray();
        props.addArray().add("version").add(NODES.objectNode()).add("text").add("4.0");
        props.addArray().add("fn").add(NODES.objectNode()).add("text").add(name);
        props.addArray().add("kind").add(NODES.objectNode()).add("text").add(kind);
        return card.toString();
    }

    /** Note text as HTML5 text (the schema's notesActionComments): markup characters escaped, line breaks kept. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\n", "<br>");
    }
}
