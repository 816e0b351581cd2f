package id.siaga.telephony.event;

import id.siaga.journal.JournalEvent;
import id.siaga.journal.SubjectKind;
import id.siaga.location.LocationSource;
import java.util.Map;
import java.util.Objects;

/**
 * A location report (from {@code source}, arrived {@code via}) for {@code caller} matched no live or recently ended
 * call: it is {@code kept} a short while for a call not yet offered. Not about any one call: journalled on the
 * system subject {@code location}, by "location".
 */
public record LocationUnmatched(String caller, LocationSource source, String via, String kept) implements JournalEvent {

    /** The subject every such row is journalled under. */
    public static final String SUBJECT = "location";

    public LocationUnmatched {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public SubjectKind subjectKind() {
        return SubjectKind.SYSTEM;
    }

    @Override
    public String subjectId() {
        return SUBJECT;
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("source", source, "via", via, "caller", caller, "kept", kept);
    }

    static LocationUnmatched from(Fields f) {
        return new LocationUnmatched(f.text("caller"), f.oneOf(LocationSource.class, "source"), f.textOrNull("via"), f.textOrNull("kept"));
    }
}
