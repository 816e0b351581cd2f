package id.siaga.reporting;

import id.siaga.supervision.AnswerTimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A report as a PDF for commanders, in Bahasa Indonesia: the calls and answer times against the targets with the
 * answer-time chart, the calls over the period, the abandoned calls and their call-backs, the escalations and the
 * operators who let calls ring, the incidents by type and the time to on-scene. Numbers as Indonesians write them
 * (92,5 %).
 */
public final class StationReportPdf {

    static final float CHART_HEIGHT = 210;
    /** Most operators listed; the CSV has them all. */
    static final int OPERATORS_LISTED = 25;
    static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", INDONESIAN);

    private StationReportPdf() {
    }

    /** @param fontDirectory where DejaVuSans.ttf is (embedded); null or without it: the PDF standard fonts */
    public static byte[] of(StationReport r, Path fontDirectory) {
        ZoneId zone = StationReportCsv.zoneId(r);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Laporan layanan 110 " + r.stationName() + " " + r.period().label());
            info.setAuthor("Siaga 110");
            info.setCreator("Siaga 110");
            try (PdfLayout page = new PdfLayout(doc, fontDirectory, "Siaga 110 · " + r.stationName() + " · " + r.period().label())) {
                write(page, r, zone);
            }
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + r.station(), e);
        }
    }

    private static void write(PdfLayout page, StationReport r, ZoneId zone) {
        page.title("Laporan Layanan 110 — " + r.stationName());
        page.line((r.period().kind() == ReportPeriod.Kind.DAY ? "Hari: " : "Bulan: ") + r.period().label() + " (" + r.zone()
                + "), termasuk satuan di bawahnya", 10.5f);
        page.line("Dibuat " + AT.format(r.generatedAt().atZone(zone)) + " " + r.zone(), 9);
        if (r.partial()) {
            page.line("Sebagian: data melebihi batas baca, angka mencakup yang terbaru.", 9);
        }

        StationReport.Calls c = r.calls();
        AnswerTimes.Figures a = r.answers();
        page.heading("Panggilan dan waktu jawab");
        List<String[]> calls = new ArrayList<>();
        calls.add(new String[] {"", "Jumlah", "Target"});
        calls.add(new String[] {"Panggilan masuk", count(c.offered()), ""});
        calls.add(new String[] {"Dijawab", count(c.answered()), ""});
        calls.add(new String[] {"Ditinggalkan penelepon sebelum dijawab", count(c.abandoned()) + share(a.abandonedPercent()), ""});
        calls.add(new String[] {"Terputus sesaat setelah dijawab", count(c.cutOff()), ""});
        if (c.refused() != null) {
            calls.add(new String[] {"Ditolak sebelum berdering (seluruh jaringan)", count(c.refused()), ""});
        }
        calls.add(new String[] {"Dijawab dalam 10 detik", percent(a.within10Percent()), "min. " + number(StationReport.TARGET_10S_PERCENT) + " %"});
        calls.add(new String[] {"Dijawab dalam 20 detik", percent(a.within20Percent()), "min. " + number(StationReport.TARGET_20S_PERCENT) + " %"});
        calls.add(new String[] {"Median waktu jawab", seconds(a.medianSeconds()), ""});
        calls.add(new String[] {"Persentil 90 waktu jawab", seconds(a.p90Seconds()), ""});
        page.table(calls, 90, 80);
        page.image(ReportCharts.answerTimes(a, PdfLayout.WIDTH, CHART_HEIGHT), PdfLayout.WIDTH, CHART_HEIGHT);
        page.image(ReportCharts.callsOverTime(r, PdfLayout.WIDTH, CHART_HEIGHT), PdfLayout.WIDTH, CHART_HEIGHT);

        StationReport.Callbacks cb = r.callbacks();
        page.heading("Panggilan ditinggalkan dan telepon balik");
        page.table(List.of(new String[] {"", "Jumlah"}, new String[] {"Ditinggalkan penelepon", count(cb.abandoned())},
                new String[] {"Mendapat tugas telepon balik", count(cb.withTask())},
                new String[] {"Sudah ditelepon balik", count(cb.calledBack()) + share(cb.calledBackPercent())}), 120);

        page.heading("Eskalasi: " + count(r.escalations().total()));
        if (!r.escalations().byReason().isEmpty()) {
            List<String[]> reasons = new ArrayList<>();
            reasons.add(new String[] {"Alasan", "Jumlah"});
            r.escalations().byReason().forEach(x -> reasons.add(new String[] {x.label(), count(x.count())}));
            page.table(reasons, 120);
        }
        page.heading("Operator yang membiarkan panggilan berdering");
        if (r.escalations().operators().isEmpty()) {
            page.line("Tidak ada.", 10);
        } else {
            List<String[]> ops = new ArrayList<>();
            ops.add(new String[] {"Operator", "Satuan", "Dering tak dijawab"});
            r.escalations().operators().stream().limit(OPERATORS_LISTED)
                    .forEach(o -> ops.add(new String[] {o.name(), o.stationName(), count(o.missed())}));
            page.table(ops, 110, 170);
            if (r.escalations().operators().size() > OPERATORS_LISTED) {
                page.line("… dan " + (r.escalations().operators().size() - OPERATORS_LISTED) + " lainnya (lihat CSV).", 9);
            }
        }

        StationReport.OnScene s = r.onScene();
        page.heading("Insiden dan waktu tiba di lokasi");
        page.table(List.of(new String[] {"", "Nilai", "Target"}, new String[] {"Insiden", count(s.incidents()), ""},
                new String[] {"Unit pertama tiba di lokasi", count(s.reachedOnScene()), ""},
                new String[] {"Tiba dalam " + StationReport.TARGET_ON_SCENE_MINUTES + " menit", percent(s.withinTargetPercent()), "100 %"},
                new String[] {"Median waktu tiba", minutes(s.medianMinutes()), "maks. " + StationReport.TARGET_ON_SCENE_MINUTES + " menit"},
                new String[] {"Persentil 90 waktu tiba", minutes(s.p90Minutes()), ""}), 110, 100);
        if (!r.incidentsByType().isEmpty()) {
            page.image(ReportCharts.incidentsByType(r.incidentsByType(), PdfLayout.WIDTH, CHART_HEIGHT), PdfLayout.WIDTH, CHART_HEIGHT);
            List<String[]> types = new ArrayList<>();
            types.add(new String[] {"Jenis insiden", "Jumlah"});
            r.incidentsByType().forEach(t -> types.add(new String[] {t.type(), count(t.count())}));
            page.table(types, 120);
        }
    }

    static String count(int n) {
        return String.format(INDONESIAN, "%,d", n);
    }

    static String number(Double n) {
        return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(INDONESIAN)).format(n);
    }

    static String percent(Double p) {
        return p == null ? "–" : number(p) + " %";
    }

    private static String share(Double p) {
        return p == null ? "" : " (" + number(p) + " %)";
    }

    static String seconds(Double s) {
        return s == null ? "–" : number(s) + " detik";
    }

    static String minutes(Double m) {
        return m == null ? "–" : number(m) + " menit";
    }
}
