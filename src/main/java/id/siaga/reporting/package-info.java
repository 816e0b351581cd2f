/**
 * The commanders' reports (issue 18): a station's subtree over a local day or month, as figures
 * ({@link id.siaga.reporting.StationReport}, built by the pure {@link id.siaga.reporting.StationReportBuilder} from call
 * records, call-back tasks, the journal's escalations and the incidents' clocks, with supervision's own computations),
 * as CSV and as a PDF with charts (PDFBox, JFreeChart), and the nightly reports written to a directory. It only reads
 * the other capabilities and journals one thing of its own, {@code ReportGenerated}; it knows nothing of Spring, HTTP
 * or SQL.
 */
package id.siaga.reporting;
