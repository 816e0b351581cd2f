package id.siaga.org;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Rows of a reference CSV file with a header line, each remembering its file and line so that every
 * complaint about the data can say exactly where to look. Lines starting with '#' are comments.
 */
public final class CsvRows {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build();

    private CsvRows() {
    }

    /** One data row; {@link #where()} reads "stations.csv line 7". */
    public record Row(String source, long line, Map<String, String> values) {

        public String where() {
            return source + " line " + line;
        }

        /** A column that must be present and not blank. */
        public String required(String column) {
            return optional(column).orElseThrow(() -> problem("column '" + column + "' is missing or empty"));
        }

        public Optional<String> optional(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        }

        public double requiredDouble(String column) {
            String v = required(column);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw problem("column '" + column + "' is not a finite number: '" + v + "'");
                }
                return d;
            } catch (NumberFormatException e) {
                throw problem("column '" + column + "' is not a number: '" + v + "'");
            }
        }

        public <E extends Enum<E>> E requiredEnum(String column, Class<E> type) {
            String v = required(column);
            try {
                return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem("column '" + column + "' is '" + v + "', expected one of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        public InvalidStationDataException problem(String what) {
            return new InvalidStationDataException(where() + ": " + what);
        }
    }

    /** A file that is no CSV of the expected columns: where, and what is wrong there. */
    public static final class Malformed extends InvalidStationDataException {

        private final long line;
        private final String reason;

        Malformed(String source, long line, String reason) {
            this(source, line, reason, null);
        }

        Malformed(String source, long line, String reason, Throwable cause) {
            super(source + " line " + line + ": " + reason, cause);
            this.line = line;
            this.reason = reason;
        }

        /** The line the problem is on, 1 for the header; -1 when the parser could not say. */
        public long line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }

    /** Reads every row; a malformed file fails naming the file and line ({@link Malformed}). */
    public static List<Row> read(Reader reader, String source, String... requiredColumns) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class).with(schema).readValues(reader)) {
            while (it.hasNextValue()) {
                Map<String, String> values = it.nextValue();
                // the row's last token is on the row's line; the parser's own position has already moved past
                // the line break and any comment or blank lines that follow
                long line = it.parser().currentTokenLocation().getLineNr();
                if (rows.isEmpty()) {
                    for (String column : requiredColumns) {
                        if (!values.containsKey(column)) {
                            throw new Malformed(source, 1, "header lacks column '" + column + "' (has " + values.keySet() + ")");
                        }
                    }
                }
                rows.add(new Row(source, line, values));
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new Malformed(source, line, "malformed CSV: " + e.getOriginalMessage(), e);
        }
        return rows;
    }
}
