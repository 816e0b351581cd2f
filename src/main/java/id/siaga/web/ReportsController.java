package id.siaga.web;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.reporting.ReportFonts;
import id.siaga.reporting.ReportPeriod;
import id.siaga.reporting.StationReport;
import id.siaga.reporting.StationReportCsv;
import id.siaga.reporting.StationReportPdf;
import id.siaga.reporting.StationReports;
import id.siaga.security.StationScope;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commanders' reports of a station and everything below it, for a local day ({@code period=day&date=2026-12-03})
 * or month ({@code period=month&month=2026-12}): JSON, CSV ({@code report.csv}) or PDF with charts ({@code report.pdf}).
 * Supervisors and administrators, for the stations of their scope only. No caller numbers or locations.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class ReportsController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final StationReports reports;
    private final StationDirectory stations;
    private final StationScope scope;
    private final ReportFonts fonts;
    private final Clock clock;

    ReportsController(StationReports reports, StationDirectory stations, StationScope scope, ReportFonts fonts, Clock clock) {
        this.reports = reports;
        this.stations = stations;
        this.scope = scope;
        this.fonts = fonts;
        this.clock = clock;
    }

    @GetMapping("/api/reports/station/{id}")
    StationReport json(@PathVariable String id, @RequestParam(required = false) String period, @RequestParam(required = false) String date,
                       @RequestParam(required = false) String month, Authentication auth) {
        return report(id, period, date, month, auth);
    }

    @GetMapping("/api/reports/station/{id}/report.csv")
    ResponseEntity<String> csv(@PathVariable String id, @RequestParam(required = false) String period, @RequestParam(required = false) String date,
                               @RequestParam(required = false) String month, Authentication auth) {
        StationReport r = report(id, period, date, month, auth);
        return ResponseEntity.ok().contentType(StaffingController.CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(r, "csv"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(StationReportCsv.of(r));
    }

    @GetMapping("/api/reports/station/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(required = false) String period, @RequestParam(required = false) String date,
                               @RequestParam(required = false) String month, Authentication auth) {
        StationReport r = report(id, period, date, month, auth);
        return ResponseEntity.ok().contentType(PDF).header(HttpHeaders.CONTENT_DISPOSITION, attachment(r, "pdf"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(StationReportPdf.of(r, fonts.directory()));
    }

    private StationReport report(String id, String period, String date, String month, Authentication auth) {
        StationTree tree = stations.tree();
        StationId station = StationsController.existing(id, tree);
        scope.requireVisible(auth, station);
        ReportPeriod p = ReportPeriod.parse(period, date, month);
        LocalDate today = clock.instant().atZone(tree.get(station).timeZone().zone()).toLocalDate();
        if (p.first().isAfter(today)) {
            throw new IllegalArgumentException("the period " + p.key() + " has not begun (today is " + today + " at the station)");
        }
        return reports.report(station, p);
    }

    private static String attachment(StationReport r, String extension) {
        return ContentDisposition.attachment().filename("laporan-" + r.station() + "-" + r.period().key() + "." + extension).build().toString();
    }
}
