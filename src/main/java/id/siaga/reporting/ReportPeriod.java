package id.siaga.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * What a report covers: one local day or one local month of a station, from midnight to midnight in the station's
 * zone (WIB, WITA or WIT). A day is split into its 24 hours for the series, a month into its days.
 */
public record ReportPeriod(Kind kind, LocalDate first) {

    public enum Kind { DAY, MONTH }

    static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember"};

    public ReportPeriod {
        if (kind == null || first == null) {
            throw new IllegalArgumentException("a report period needs a kind and a first day");
        }
        if (kind == Kind.MONTH && first.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("a month starts on its first day, got " + first);
        }
    }

    public static ReportPeriod day(LocalDate day) {
        return new ReportPeriod(Kind.DAY, day);
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.atDay(1));
    }

    /**
     * The period a request names: {@code period=day} with {@code date=2026-12-03}, or {@code period=month} with
     * {@code month=2026-12}. Anything else is refused with a reason a user can act on.
     */
    public static ReportPeriod parse(String period, String date, String month) {
        String p = period == null ? "" : period.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return switch (p) {
                case "day" -> {
                    if (date == null || date.isBlank()) {
                        throw new IllegalArgumentException("period=day needs date=YYYY-MM-DD");
                    }
                    yield day(LocalDate.parse(date.trim()));
                }
                case "month" -> {
                    if (month == null || month.isBlank()) {
                        throw new IllegalArgumentException("period=month needs month=YYYY-MM");
                    }
                    yield month(YearMonth.parse(month.trim()));
                }
                default -> throw new IllegalArgumentException("period must be day or month");
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(p.equals("day") ? "date must be a day as YYYY-MM-DD" : "month must be a month as YYYY-MM");
        }
    }

    /** The day after the period. */
    public LocalDate end() {
        return kind == Kind.DAY ? first.plusDays(1) : first.plusMonths(1);
    }

    public Instant start(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return end().atStartOfDay(zone).toInstant();
    }

    /** How many buckets the series has: 24 hours of a day, or the days of a month. */
    public int buckets() {
        return kind == Kind.DAY ? 24 : first.lengthOfMonth();
    }

    /** The bucket of a moment (its local hour, or its day of the month less one), or -1 outside the period. */
    public int bucketOf(Instant at, ZoneId zone) {
        if (at == null || at.isBefore(start(zone)) || !at.isBefore(end(zone))) {
            return -1;
        }
        var local = at.atZone(zone);
        return kind == Kind.DAY ? local.getHour() : local.getDayOfMonth() - 1;
    }

    /** The period as users say it: "3 Desember 2026", "Desember 2026". */
    public String label() {
        String month = MONTHS[first.getMonthValue() - 1] + " " + first.getYear();
        return kind == Kind.DAY ? first.getDayOfMonth() + " " + month : month;
    }

    /** The period in file names and URLs: "2026-12-03", "2026-12". */
    public String key() {
        return kind == Kind.DAY ? first.toString() : YearMonth.from(first).toString();
    }
}
