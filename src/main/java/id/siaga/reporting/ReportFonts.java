package id.siaga.reporting;

import java.nio.file.Path;

/** Where the PDFs' font is ({@code siaga.reports.font-directory}); null: the PDF standard fonts. */
public record ReportFonts(Path directory) {
}
