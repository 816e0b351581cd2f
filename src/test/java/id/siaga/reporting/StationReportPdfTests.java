package id.siaga.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Peers;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polda DIY's PDF report of 3 December 2026 ({@link ReportDay}), read back with PDFBox and rendered with poppler's
 * {@code pdftoppm}, the way a commander's viewer would show it.
 */
class StationReportPdfTests {

    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    @TempDir
    Path dir;

    @Test
    void theReportNamesTheStationAndThePeriodAndCarriesTheFiguresInIndonesian() throws Exception {
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));
        byte[] pdf = StationReportPdf.of(r, DEJAVU);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(2, 4);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Laporan layanan 110 Polda Daerah Istimewa Yogyakarta 3 Desember 2026");
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Laporan Layanan 110 — Polda Daerah Istimewa Yogyakarta", "Hari: 3 Desember 2026 (WIB)",
                    "Dijawab dalam 10 detik 50 % min. 90 %", "Dijawab dalam 20 detik 75 % min. 95 %", "Median waktu jawab 8 detik",
                    "Ditinggalkan penelepon sebelum dijawab 3 (42,9 %)", "Sudah ditelepon balik 1 (33,3 %)",
                    "Tidak diangkat dalam waktu dering 2", "Sari Wulandari Polres Sleman 2", "Dodi Prasetyo Polres Sleman 1",
                    "Tiba dalam 10 menit 66,7 %", "Median waktu tiba 9 menit", "Persentil 90 waktu tiba 14 menit",
                    "Kecelakaan lalu lintas 2");
            if (Files.isReadable(DEJAVU.resolve("DejaVuSans.ttf"))) {
                PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
                assertThat(font.isEmbedded()).as("DejaVu Sans, embedded").isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the answer-time and calls-per-hour charts").hasSize(2);
        }
    }

    @Test
    void pageOneRenderedByPopplerShowsTheChartsBars() throws Exception {
        Peers.require(new File("/usr/bin/pdftoppm").canExecute(), "pdftoppm (Debian poppler-utils)");
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));
        Path pdf = dir.resolve("laporan.pdf");
        Files.write(pdf, StationReportPdf.of(r, DEJAVU));

        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                dir.resolve("page1").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        BufferedImage page = ImageIO.read(dir.resolve("page1.png").toFile());

        assertThat(page.getWidth()).as("A4 at 72 dpi").isBetween(595, 596);
        assertThat(page.getHeight()).isBetween(841, 842);
        // the charts sit below the calls table: the lower two thirds of the page
        int top = page.getHeight() / 3;
        assertThat(count(page, top, ReportCharts.ANSWERED)).as("blue bars: answers by bucket, answered calls per hour").isGreaterThan(400);
        assertThat(count(page, top, ReportCharts.ABANDONED)).as("red bars: abandoned calls at 10:00 and 23:00").isGreaterThan(40);
        assertThat(count(page, 0, ReportCharts.INCIDENTS)).as("the incidents' chart is on a later page").isZero();
    }

    @Test
    void withoutDejaVuTheStandardFontsStillCarryBahasaIndonesia() throws Exception {
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));
        try (PDDocument doc = Loader.loadPDF(StationReportPdf.of(r, dir))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Polda Daerah Istimewa Yogyakarta", "Dijawab dalam 10 detik 50 %", "Sari Wulandari");
        }
    }

    /** Pixels within a small distance of the colour, from row {@code fromY} down. */
    static int count(BufferedImage image, int fromY, java.awt.Color colour) {
        int n = 0;
        for (int y = fromY; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xff) - colour.getRed();
                int dg = ((rgb >> 8) & 0xff) - colour.getGreen();
                int db = (rgb & 0xff) - colour.getBlue();
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
