package id.siaga.reporting;

import static id.siaga.reporting.ReportDay.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Polda DIY's report of 3 December 2026 and of December 2026, from the literal day of {@link ReportDay}. */
class StationReportBuilderTests {

    @Test
    void theDayCountsTheSubtreesCallsOfThatLocalDayOnlyWithTheAnswerSharesAgainst10And20Seconds() {
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));

        assertThat(r.stationName()).isEqualTo("Polda Daerah Istimewa Yogyakarta");
        assertThat(r.from()).isEqualTo("2026-12-02T17:00:00Z");
        assertThat(r.until()).isEqualTo("2026-12-03T17:00:00Z");
        assertThat(r.calls()).as("not the second before midnight, not midnight after, not Semarang's")
                .isEqualTo(new StationReport.Calls(7, 4, 3, 1, null));
        assertThat(r.answers().within10Percent()).as("4 s and 8 s of 4, 8, 12, 25").isEqualTo(50.0);
        assertThat(r.answers().within20Percent()).isEqualTo(75.0);
        assertThat(r.answers().medianSeconds()).isEqualTo(8.0);
        assertThat(r.answers().p90Seconds()).isEqualTo(25.0);
        assertThat(r.answers().abandonedPercent()).as("3 of 7").isEqualTo(42.9);
        assertThat(r.series().offered()[8]).isEqualTo(2);
        assertThat(r.series().answered()[9]).isEqualTo(2);
        assertThat(r.series().abandoned()[10]).isEqualTo(2);
        assertThat(r.series().abandoned()[23]).as("cut short by a restart while it rang").isEqualTo(1);
        assertThat(r.series().offered()).hasSize(24);
    }

    @Test
    void ofTheAbandonedCallsItCountsThoseWithACallBackTaskAndThoseCalledBack() {
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));

        assertThat(r.callbacks()).as("the cut-off call's task is not an abandoned call's")
                .isEqualTo(new StationReport.Callbacks(3, 2, 1, 33.3));
    }

    @Test
    void escalationsAreCountedByReasonWithTheOperatorsWhoLetThemRingMostFirst() {
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));

        assertThat(r.escalations().total()).isEqualTo(3);
        assertThat(r.escalations().byReason()).containsExactly(
                new StationReport.ReasonCount("TIMEOUT", "Tidak diangkat dalam waktu dering", 2),
                new StationReport.ReasonCount("NOBODY_READY", "Tidak ada operator siap", 1));
        assertThat(r.escalations().operators()).as("yesterday's miss of Dodi does not count").containsExactly(
                new StationReport.OperatorRang("op-sleman-1", "Sari Wulandari", "POLRES-3404", "Polres Sleman", 2),
                new StationReport.OperatorRang("op-sleman-2", "Dodi Prasetyo", "POLRES-3404", "Polres Sleman", 1));
        assertThat(r.series().escalations()[8] + r.series().escalations()[9] + r.series().escalations()[10]).isEqualTo(3);
    }

    @Test
    void incidentsComeByTypeAndTheTimeToTheFirstUnitOnSceneAgainstTenMinutes() {
        StationReport r = ReportDay.report(ReportPeriod.day(LocalDate.parse("2026-12-03")));

        assertThat(r.incidentsByType()).containsExactly(new StationReport.TypeCount("Kecelakaan lalu lintas", 2),
                new StationReport.TypeCount("Pencurian", 1), new StationReport.TypeCount("Permintaan informasi", 1));
        assertThat(r.onScene()).as("arrivals in 6, 9 and 14 minutes").isEqualTo(new StationReport.OnScene(4, 3, 2, 66.7, 9.0, 14.0));
    }

    @Test
    void theMonthTakesEveryDayOfDecemberInDailyBuckets() {
        StationReport r = ReportDay.report(ReportPeriod.month(YearMonth.parse("2026-12")));

        assertThat(r.series().offered()).hasSize(31);
        assertThat(r.calls().offered()).isEqualTo(9);
        assertThat(r.series().offered()[1]).isEqualTo(1);
        assertThat(r.series().offered()[2]).isEqualTo(7);
        assertThat(r.series().offered()[3]).isEqualTo(1);
        assertThat(r.escalations().total()).isEqualTo(4);
        assertThat(r.onScene().incidents()).isEqualTo(5);
    }

    @Test
    void onlyTheRootsReportCountsTheCallsRefusedBeforeTheyRang() {
        List<java.time.Instant> refused = List.of(at("2026-12-03T01:00:00"), at("2026-12-03T02:00:00"), at("2026-12-04T02:00:00"));
        ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-12-03"));
        java.time.Instant now = at("2026-12-04T00:10:00");

        assertThat(StationReportBuilder.build(ReportDay.poldaDiy(true), day, ReportDay.inputs(refused), now).calls().refused()).isEqualTo(2);
        assertThat(StationReportBuilder.build(ReportDay.poldaDiy(false), day, ReportDay.inputs(refused), now).calls().refused()).isNull();
    }

    @Test
    void aPeriodIsADayOrAMonthAndAnythingElseIsRefusedWithAReason() {
        assertThat(ReportPeriod.parse("day", "2026-12-03", null)).isEqualTo(ReportPeriod.day(LocalDate.parse("2026-12-03")));
        assertThat(ReportPeriod.parse("MONTH", null, "2026-12").label()).isEqualTo("Desember 2026");
        assertThat(ReportPeriod.parse("day", "2026-12-03", null).label()).isEqualTo("3 Desember 2026");
        assertThatThrownBy(() -> ReportPeriod.parse("week", "2026-12-03", null)).hasMessage("period must be day or month");
        assertThatThrownBy(() -> ReportPeriod.parse("day", "2026-13-03", null)).hasMessage("date must be a day as YYYY-MM-DD");
        assertThatThrownBy(() -> ReportPeriod.parse("month", null, "12-2026")).hasMessage("month must be a month as YYYY-MM");
        assertThatThrownBy(() -> ReportPeriod.parse("day", null, "2026-12")).hasMessage("period=day needs date=YYYY-MM-DD");
    }
}
