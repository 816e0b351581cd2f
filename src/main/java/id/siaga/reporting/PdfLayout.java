package id.siaga.reporting;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes flowing content down A4 pages: headings, lines of text, two- or three-column tables and images (the charts),
 * starting a new page when the next block does not fit, and a footer with the page number on each. The font is
 * DejaVu Sans, embedded (subset), when its file is there, for names in any script; else the PDF standard Helvetica,
 * where a character outside Latin-1 becomes "?" (Bahasa Indonesia itself needs none).
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final boolean embedded;
    private final String footer;
    private PDPageContentStream out;
    private float y;
    private int pages;

    PdfLayout(PDDocument doc, Path fontDirectory, String footer) {
        this.doc = doc;
        this.footer = footer;
        Path sans = fontDirectory == null ? null : fontDirectory.resolve("DejaVuSans.ttf");
        Path sansBold = fontDirectory == null ? null : fontDirectory.resolve("DejaVuSans-Bold.ttf");
        try {
            if (sans != null && sansBold != null && Files.isReadable(sans) && Files.isReadable(sansBold)) {
                regular = PDType0Font.load(doc, sans.toFile());
                bold = PDType0Font.load(doc, sansBold.toFile());
                embedded = true;
            } else {
                regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
                embedded = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report font from " + fontDirectory, e);
        }
        newPage();
    }

    boolean embeddedFont() {
        return embedded;
    }

    /** A title, smaller when it would not fit the line (a long station name). */
    void title(String text) {
        ensure(30);
        float size = Math.min(17, 17 * WIDTH / Math.max(1, width(bold, 17, text)));
        write(bold, size, MARGIN, y - size, text);
        y -= size + 9;
    }

    /** A heading, kept with at least three lines of what follows it. */
    void heading(String text) {
        ensure(80);
        y -= 8;
        write(bold, 12.5f, MARGIN, y - 12.5f, text);
        y -= 20;
    }

    void line(String text, float size) {
        ensure(size + 5);
        write(regular, size, MARGIN, y - size, text);
        y -= size + 5;
    }

    /** Rows of cells; the first column takes what is left after the others' {@code widths}, numbers align right. */
    void table(List<String[]> rows, float... widths) {
        float size = 10;
        for (int r = 0; r < rows.size(); r++) {
            ensure(size + 6);
            String[] cells = rows.get(r);
            PDFont font = r == 0 ? bold : regular;
            float[] rightEdges = new float[cells.length];
            float right = MARGIN + WIDTH;
            for (int c = cells.length - 1; c >= 1; c--) {
                rightEdges[c] = right;
                right -= widths[c - 1];
            }
            write(font, size, MARGIN, y - size, clip(font, size, cells[0], right - MARGIN - 8));
            for (int c = 1; c < cells.length; c++) {
                String cell = safe(cells[c]);
                write(font, size, rightEdges[c] - width(font, size, cell), y - size, cell);
            }
            y -= size + 6;
        }
        y -= 4;
    }

    void image(BufferedImage image, float width, float height) {
        ensure(height + 8);
        try {
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            out.drawImage(x, MARGIN, y - height, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height + 8;
    }

    /** Leaves the rest of the page empty. */
    void pageBreak() {
        newPage();
    }

    private void ensure(float height) {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages++;
            out = new PDPageContentStream(doc, page);
            String text = footer + " · " + pages;
            write(regular, 8, MARGIN, MARGIN - 10, text);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDFont font, float size, float x, float atY, String text) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(safe(text));
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(safe(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String clip(PDFont font, float size, String text, float room) {
        String t = safe(text);
        if (width(font, size, t) <= room) {
            return t;
        }
        while (t.length() > 1 && width(font, size, t + "…") > room) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** The text with every character the font cannot show as "?", and no control characters. */
    String safe(String text) {
        String s = text == null ? "" : text;
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                regular.encode(ch);
                bold.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
