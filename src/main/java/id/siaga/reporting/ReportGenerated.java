package id.siaga.reporting;

import id.siaga.journal.JournalEvent;
import id.siaga.journal.SubjectKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** A nightly report was written: whose, for which period, where, how many bytes. */
public record ReportGenerated(String station, String period, String file, long bytes) implements JournalEvent {

    @Override
    public SubjectKind subjectKind() {
        return SubjectKind.STATION;
    }

    @Override
    public String subjectId() {
        return station;
    }

    @Override
    public Object payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", period);
        p.put("file", file);
        p.put("bytes", bytes);
        return p;
    }
}
