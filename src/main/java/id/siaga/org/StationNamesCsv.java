package id.siaga.org;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of station names, {@code id,name} with a header line ({@code #} starts a comment): the names stations are known
 * by (Polrestabes Medan, Polresta Denpasar, Polres Metro Jakarta Pusat) where the stations file or the reference data
 * call them otherwise. Every line is checked before any is used: the file is taken whole or refused with every bad line
 * named.
 */
public final class StationNamesCsv {

    /** The longest name taken: longer than any Polri unit's name ("Polres Pelabuhan Tanjung Priok" has 30 letters). */
    public static final int MAX_NAME = 100;
    /** The shortest: "Polres X" is eight; anything under three letters is a slip. */
    public static final int MIN_NAME = 3;

    private StationNamesCsv() {
    }

    /** One line of the file: where it is, the station and the name it gives. */
    public record NameLine(long line, StationId station, String name) {
    }

    /** A line that cannot be taken, and why. */
    public record LineProblem(long line, String problem) {
    }

    /** The file cannot be taken: every bad line, in order. */
    public static final class InvalidNamesException extends InvalidStationDataException {

        private final transient List<LineProblem> problems;

        public InvalidNamesException(String source, List<LineProblem> problems) {
            super(source + ": " + problems.size() + (problems.size() == 1 ? " line" : " lines") + " cannot be taken, nothing was changed: "
                    + String.join("; ", problems.stream().limit(10).map(p -> "line " + p.line() + ": " + p.problem()).toList())
                    + (problems.size() > 10 ? "; …" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<LineProblem> problems() {
            return problems;
        }
    }

    /**
     * Reads the file's lines, each naming a station of {@code tree} once with an acceptable name; throws
     * {@link InvalidNamesException} naming every line that does not.
     */
    public static List<NameLine> read(Reader reader, String source, StationTree tree) {
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.read(reader, source, "id", "name");
        } catch (CsvRows.Malformed e) {
            throw new InvalidNamesException(source, List.of(new LineProblem(Math.max(1, e.line()), e.reason())));
        }
        List<NameLine> lines = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        Map<StationId, Long> seen = new HashMap<>();
        for (CsvRows.Row row : rows) {
            String id = row.optional("id").orElse("");
            StationId station;
            try {
                station = StationId.of(id);
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(row.line(), id.isEmpty() ? "the station id is missing" : "'" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "' is not a station id"));
                continue;
            }
            if (!tree.contains(station)) {
                problems.add(new LineProblem(row.line(), "there is no station " + station));
                continue;
            }
            Long earlier = seen.putIfAbsent(station, row.line());
            if (earlier != null) {
                problems.add(new LineProblem(row.line(), station + " is already named on line " + earlier));
                continue;
            }
            try {
                lines.add(new NameLine(row.line(), station, name(row.optional("name").orElse(""))));
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(row.line(), station + ": " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidNamesException(source, problems);
        }
        if (lines.isEmpty()) {
            throw new InvalidNamesException(source, List.of(new LineProblem(1, "the file names no station (expected a header id,name and"
                    + " a line per station)")));
        }
        return lines;
    }

    /**
     * A name as it is kept: spaces at the ends and runs of spaces inside trimmed to one; refused (IllegalArgumentException
     * saying why) when it is empty, shorter than {@value #MIN_NAME} or longer than {@value #MAX_NAME} characters, has
     * control characters, or no letter at all.
     */
    public static String name(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name has control characters");
        }
        if (name.length() < MIN_NAME || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a name has " + MIN_NAME + " to " + MAX_NAME + " characters, this one " + name.length());
        }
        if (name.codePoints().noneMatch(Character::isLetter)) {
            throw new IllegalArgumentException("the name has no letter");
        }
        return name;
    }
}
