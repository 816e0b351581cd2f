package id.siaga.web;

import id.siaga.incident.DuplicatePolicy;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentNote;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentType;
import id.siaga.incident.StatusChange;
import id.siaga.org.GeoPoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the incident API receives and sends: records only. Text lengths are the incident's own caps (400 with the field). */
final class IncidentViews {

    private IncidentViews() {
    }

    /** Absent text is left out of the JSON rather than sent as "". */
    static String blankAsNull(String text) {
        return text.isEmpty() ? null : text;
    }

    // ---- requests ----------------------------------------------------------------------------------------

    /** A WGS84 position; {@code uncertaintyMeters} optional. */
    record Position(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                    @PositiveOrZero Double uncertaintyMeters) {
    }

    /**
     * A new incident. From a 110 call: {@code callId} (the location, caller number and answer time then come from the
     * call unless given). From another channel: {@code channel} (e.g. POLISIKU), {@code externalReference} and the
     * location. {@code priority} defaults to the type's.
     */
    record NewIncidentRequest(@NotNull IncidentType type, @Min(1) @Max(5) Integer priority, String callId, @Valid Position location,
                              String address, String description, String callerNumber, String callerName, String channel,
                              String externalReference) {
    }

    record NoteRequest(@NotBlank String text) {
    }

    /** {@code version}, optional: the version the person saw; a change over an older one is refused (409). */
    record PriorityRequest(@NotNull @Min(1) @Max(5) Integer priority, @Min(1) Long version) {
    }

    /**
     * RESOLVED, CLOSED, CANCELLED, UNFOUNDED, or NEW to reopen; withdrawing and reopening need a reason. {@code version},
     * optional: the version the person saw; a move over an older one is refused (409).
     */
    record StatusRequest(@NotNull IncidentStatus status, String reason, @Min(1) Long version) {
    }

    record LinkRequest(@NotBlank String incident) {
    }

    record MergeRequest(@NotBlank String into) {
    }

    // ---- responses ---------------------------------------------------------------------------------------

    record LocationView(double latitude, double longitude, Double uncertaintyMeters, IncidentLocation.Origin origin) {
        static LocationView of(IncidentLocation l) {
            return new LocationView(l.point().latitude(), l.point().longitude(), l.uncertaintyMeters(), l.origin());
        }
    }

    record ChannelView(String name, String externalReference) {
    }

    record StepView(IncidentStatus status, Instant at, String actor, String reason) {
        static StepView of(StatusChange c) {
            return new StepView(c.status(), c.at(), c.actor(), c.reason());
        }
    }

    record NoteView(String author, Instant at, String text) {
        static NoteView of(IncidentNote n) {
            return new NoteView(n.author(), n.at(), n.text());
        }
    }

    /** One line of an incident list. */
    record Summary(String id, long version, IncidentType type, String typeLabel, int priority, IncidentStatus status, String station,
                   String takingStation, LocationView location, String address, String channel, String callId, Instant createdAt,
                   String createdBy) {
        static Summary of(Incident i) {
            return new Summary(i.id().value(), i.version(), i.type(), i.type().label(), i.priority(), i.status(), i.station().value(),
                    i.takingStation().value(), i.location().map(LocationView::of).orElse(null), blankAsNull(i.address()),
                    i.channel().name(), i.callId().orElse(null), i.createdAt(), i.createdBy());
        }
    }

    /** An open incident a report may duplicate, and how far it is from the report. */
    record DuplicateView(String id, IncidentType type, String typeLabel, int priority, IncidentStatus status, String station, String address,
                         Instant createdAt, double distanceMeters) {
        static DuplicateView of(Incident i, GeoPoint from) {
            return new DuplicateView(i.id().value(), i.type(), i.type().label(), i.priority(), i.status(), i.station().value(),
                    blankAsNull(i.address()), i.createdAt(), Math.round(DuplicatePolicy.distanceMeters(i, from) * 10) / 10.0);
        }
    }

    /** One incident with its whole story; {@code journal} (oldest first) only for those who read incidents. */
    record Detail(String id, long version, IncidentType type, String typeLabel, int priority, IncidentStatus status, String statusReason,
                  String station, String takingStation, LocationView location, String address, String description, String callerNumber,
                  String callerName, ChannelView channel, String callId, Instant callAnsweredAt, Instant createdAt, String createdBy,
                  Map<IncidentStatus, Instant> reachedAt, List<StepView> history, List<NoteView> notes, List<String> links,
                  String mergedInto, List<DuplicateView> possibleDuplicates, List<JournalController.EntryView> journal) {

        static Detail of(Incident i, List<DuplicateView> duplicates, List<JournalController.EntryView> journal) {
            Map<IncidentStatus, Instant> reached = new EnumMap<>(IncidentStatus.class);
            for (IncidentStatus s : IncidentStatus.values()) {
                i.reachedAt(s).ifPresent(at -> reached.put(s, at));
            }
            return new Detail(i.id().value(), i.version(), i.type(), i.type().label(), i.priority(), i.status(), i.statusReason().orElse(null),
                    i.station().value(), i.takingStation().value(), i.location().map(LocationView::of).orElse(null), blankAsNull(i.address()),
                    blankAsNull(i.description()), i.callerNumber().orElse(null), i.callerName().orElse(null),
                    new ChannelView(i.channel().name(), i.channel().externalReference()), i.callId().orElse(null),
                    i.callAnsweredAt().orElse(null), i.createdAt(), i.createdBy(), reached, i.history().stream().map(StepView::of).toList(),
                    i.notes().stream().map(NoteView::of).toList(), i.links().stream().map(l -> l.value()).toList(),
                    i.mergedInto().map(m -> m.value()).orElse(null), duplicates, journal);
        }
    }

    record MergedView(Detail merged, Detail survivor) {
    }

    /** One entry of the taxonomy, for the console's form. */
    record TypeView(IncidentType type, String label, int defaultPriority, boolean needsUnits, List<IncidentType> related) {
        static TypeView of(IncidentType t) {
            return new TypeView(t, t.label(), t.defaultPriority(), t.needsUnits(), List.copyOf(t.related()));
        }
    }
}
