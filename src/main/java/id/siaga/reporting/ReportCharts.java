package id.siaga.reporting;

import id.siaga.supervision.AnswerTimes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn by JFreeChart into images for the PDF: how long answers took (bars by 5-second bucket),
 * calls per hour or per day (answered and abandoned), incidents by type. Labels in Bahasa Indonesia.
 */
final class ReportCharts {

    /** Pixels per PDF point: sharp on paper and on screen without a heavy file. */
    static final int SCALE = 2;

    static final Color ANSWERED = new Color(0x1f, 0x6f, 0xb2);
    static final Color ABANDONED = new Color(0xc6, 0x28, 0x28);
    static final Color INCIDENTS = new Color(0x2e, 0x7d, 0x32);

    private ReportCharts() {
    }

    static BufferedImage answerTimes(AnswerTimes.Figures answers, float width, float height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AnswerTimes.Bucket b : answers.distribution()) {
            String label = b.toSeconds() == null ? "≥ " + (int) b.fromSeconds() + " d" : (int) b.fromSeconds() + "–" + b.toSeconds().intValue() + " d";
            data.addValue(b.count(), "Dijawab", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("Sebaran waktu jawab", "Waktu sejak panggilan masuk (detik)", "Panggilan", data,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart, ANSWERED);
        return draw(chart, width, height);
    }

    static BufferedImage callsOverTime(StationReport r, float width, float height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        StationReport.Series s = r.series();
        boolean day = r.period().kind() == ReportPeriod.Kind.DAY;
        for (int i = 0; i < s.offered().length; i++) {
            String key = day ? String.format("%02d", i) : String.valueOf(i + 1);
            data.addValue(s.answered()[i], "Dijawab", key);
            data.addValue(s.abandoned()[i], "Ditinggalkan", key);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(day ? "Panggilan per jam" : "Panggilan per hari",
                day ? "Jam (waktu setempat)" : "Tanggal", "Panggilan", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, ANSWERED, ABANDONED);
        if (!day) {
            ((CategoryPlot) chart.getPlot()).getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        }
        return draw(chart, width, height);
    }

    static BufferedImage incidentsByType(List<StationReport.TypeCount> types, float width, float height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        types.stream().limit(12).forEach(t -> data.addValue(t.count(), "Insiden", t.type()));
        JFreeChart chart = ChartFactory.createBarChart("Insiden menurut jenis", null, "Insiden", data, PlotOrientation.HORIZONTAL, false, false,
                false);
        style(chart, INCIDENTS);
        return draw(chart, width, height);
    }

    private static void style(JFreeChart chart, Color... colours) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        domain.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        domain.setCategoryMargin(0.15);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
        }
    }

    private static BufferedImage draw(JFreeChart chart, float width, float height) {
        int w = Math.round(width);
        int h = Math.round(height);
        BufferedImage image = new BufferedImage(w * SCALE, h * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        return image;
    }
}
