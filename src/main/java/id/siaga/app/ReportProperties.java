package id.siaga.app;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The commanders' reports (issue 18): {@code GET /api/reports/station/{id}} and the nightly PDFs.
 *
 * @param directory where the nightly PDF reports are written ({@code <station>/<station>-<day>.pdf}); empty, the
 *                  default, writes none (the reports are still there to download). Production: a directory that is
 *                  backed up, e.g. {@code /var/lib/siaga110/reports}.
 * @param stations  the stations whose report (each with everything below it) is written every night; empty: the root
 *                  of the tree only. Production: the Poldas, and the Polres whose commanders want their own. A station
 *                  that is not in the tree fails the start.
 * @param fontDirectory where DejaVu Sans is ({@code DejaVuSans.ttf}, {@code DejaVuSans-Bold.ttf}; Debian's
 *                  {@code fonts-dejavu-core}), embedded in the PDFs so any name shows in any script; without it the
 *                  PDFs use the standard Helvetica, which covers Bahasa Indonesia but not every name.
 * @param checkEvery how often the schedule looks for a report that is due (each is written once, at 00:10 in the
 *                  station's zone or the first check after); one minute keeps it within a minute of that and costs a
 *                  file check per station.
 */
@ConfigurationProperties("siaga.reports")
public record ReportProperties(@DefaultValue("") String directory, @DefaultValue List<String> stations,
                               @DefaultValue("/usr/share/fonts/truetype/dejavu") String fontDirectory, @DefaultValue("1m") Duration checkEvery) {

    public ReportProperties {
        stations = stations == null ? List.of() : List.copyOf(stations);
        if (checkEvery == null || checkEvery.compareTo(Duration.ofSeconds(1)) < 0 || checkEvery.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("siaga.reports.check-every must be 1 s to 10 minutes, got " + checkEvery);
        }
    }

    /** Whether nightly reports are written. */
    public boolean nightly() {
        return directory != null && !directory.isBlank();
    }
}
