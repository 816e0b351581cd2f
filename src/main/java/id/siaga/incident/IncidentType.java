package id.siaga.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * What happened, in the categories a Polres call-taker sorts 110 reports into, each with its default
 * priority (1 = most urgent, 5 = least) and the Bahasa Indonesia label the console shows. The operator may
 * change the priority of one incident; the default is where the form starts.
 */
public enum IncidentType {
    TRAFFIC_ACCIDENT("Kecelakaan lalu lintas", 2),
    THEFT("Pencurian", 3),
    ASSAULT("Penganiayaan", 2),
    DOMESTIC_VIOLENCE("KDRT", 2),
    BRAWL("Perkelahian / tawuran", 1),
    MISSING_PERSON("Orang hilang", 2),
    PUBLIC_DISORDER("Gangguan ketertiban", 3),
    FIRE_MEDICAL_HANDOVER("Kebakaran / medis (diteruskan)", 1),
    /** A silent 110 caller who pressed 5 5 when asked (issue 16): opened by the system with the call's location. */
    SILENT_EMERGENCY("Darurat senyap (penelepon tidak dapat bicara)", 1),
    /**
     * A report written to 110 by SMS or chat (Text to 110, issue 18) by someone who cannot speak or hear, opened by the
     * system before anyone has read it: the operator who takes the conversation learns what happened. Opened without a
     * location when the texter's handset sent none, so it counts as needing no units until the operator sends some.
     */
    TEXT_REPORT("Laporan tertulis (SMS/chat 110)", 2),
    INFORMATION_REQUEST("Permintaan informasi", 5),
    PRANK("Panggilan iseng", 5);

    private final String label;
    private final int defaultPriority;

    IncidentType(String label, int defaultPriority) {
        this.label = label;
        this.defaultPriority = defaultPriority;
    }

    /** The console's label in Bahasa Indonesia. */
    public String label() {
        return label;
    }

    /** 1 (most urgent) to 5. */
    public int defaultPriority() {
        return defaultPriority;
    }

    /** Whether units are normally sent (information requests and pranks need none; a text report is not sorted yet). */
    public boolean needsUnits() {
        return this != INFORMATION_REQUEST && this != PRANK && this != TEXT_REPORT;
    }

    /**
     * Types that two callers may report for the same event: a brawl is also reported as an assault or as
     * public disorder; a traffic accident as public disorder. Used by duplicate detection.
     */
    public Set<IncidentType> related() {
        return switch (this) {
            case TRAFFIC_ACCIDENT -> EnumSet.of(TRAFFIC_ACCIDENT, PUBLIC_DISORDER, FIRE_MEDICAL_HANDOVER);
            case THEFT -> EnumSet.of(THEFT, ASSAULT);
            case ASSAULT -> EnumSet.of(ASSAULT, BRAWL, DOMESTIC_VIOLENCE, THEFT, PUBLIC_DISORDER);
            case DOMESTIC_VIOLENCE -> EnumSet.of(DOMESTIC_VIOLENCE, ASSAULT);
            case BRAWL -> EnumSet.of(BRAWL, ASSAULT, PUBLIC_DISORDER);
            case MISSING_PERSON -> EnumSet.of(MISSING_PERSON);
            case PUBLIC_DISORDER -> EnumSet.of(PUBLIC_DISORDER, BRAWL, ASSAULT, TRAFFIC_ACCIDENT);
            case FIRE_MEDICAL_HANDOVER -> EnumSet.of(FIRE_MEDICAL_HANDOVER, TRAFFIC_ACCIDENT);
            case SILENT_EMERGENCY -> EnumSet.of(SILENT_EMERGENCY);
            case TEXT_REPORT -> EnumSet.of(TEXT_REPORT);
            case INFORMATION_REQUEST -> EnumSet.of(INFORMATION_REQUEST);
            case PRANK -> EnumSet.of(PRANK);
        };
    }
}
