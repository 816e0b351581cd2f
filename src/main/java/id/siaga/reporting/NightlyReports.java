package id.siaga.reporting;

import id.siaga.journal.Journal;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yesterday's PDF report of each configured station, written once the station's local day is {@link #AFTER_MIDNIGHT}
 * old (00:10 WIB, WITA or WIT), to {@code DIR/<station>/<station>-<yyyy-MM-dd>.pdf}, and journalled
 * ({@link ReportGenerated}). A report already written is not written again, so running it every few minutes and
 * after a restart is safe; a file appears whole or not at all (written aside, then moved).
 */
public final class NightlyReports {

    private static final Logger log = LoggerFactory.getLogger(NightlyReports.class);

    /** How long after local midnight yesterday's report is made: late calls of the day have ended and been recorded. */
    public static final Duration AFTER_MIDNIGHT = Duration.ofMinutes(10);

    private final StationDirectory stations;
    private final List<StationId> configured;
    private final StationReports reports;
    private final Journal journal;
    private final Path directory;
    private final Path fontDirectory;
    private final Clock clock;

    public NightlyReports(StationDirectory stations, List<StationId> configured, StationReports reports, Journal journal, Path directory,
                          Path fontDirectory, Clock clock) {
        this.stations = stations;
        this.configured = List.copyOf(configured);
        this.reports = reports;
        this.journal = journal;
        this.directory = directory;
        this.fontDirectory = fontDirectory;
        this.clock = clock;
    }

    /** Writes the reports that are due and not yet written; returns the files written. */
    public List<Path> runDue() {
        List<Path> written = new ArrayList<>();
        for (StationId id : configured) {
            Station station = stations.tree().find(id).orElse(null);
            if (station == null) {
                log.warn("nightly report: station {} is not in the tree any more; skipped", id.value());
                continue;
            }
            ZoneId zone = station.timeZone().zone();
            LocalDate day = clock.instant().minus(AFTER_MIDNIGHT).atZone(zone).toLocalDate().minusDays(1);
            Path file = directory.resolve(id.value()).resolve(id.value() + "-" + day + ".pdf");
            if (Files.exists(file)) {
                continue;
            }
            try {
                byte[] pdf = StationReportPdf.of(reports.report(id, ReportPeriod.day(day)), fontDirectory);
                Files.createDirectories(file.getParent());
                Path part = file.resolveSibling(file.getFileName() + ".part");
                Files.write(part, pdf);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Journal.awaitDurable(List.of(journal.append(new ReportGenerated(id.value(), day.toString(), file.toString(), pdf.length), "system")));
                log.info("nightly report of {} ({}) for {} written to {} ({} bytes)", station.name(), id.value(), day, file, pdf.length);
                written.add(file);
            } catch (IOException | RuntimeException e) {
                log.error("nightly report of {} for {} could not be written to {}; tried again at the next run", id.value(), day, file, e);
            }
        }
        return written;
    }
}
