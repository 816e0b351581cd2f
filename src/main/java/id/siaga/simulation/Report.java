package id.siaga.simulation;

import java.util.Locale;

/** A run's figures as text for a reader and as JSON for a script, per measured day where a count is a count of calls. */
public final class Report {

    private Report() {
    }

    public static String text(DayResult r) {
        DayResult.Calls c = r.calls();
        DayResult.Answers g = r.genuine();
        DayResult.Gating gate = r.gating();
        DayResult.Occupancy o = r.occupancy();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s, gate %s, %s roster (%d operator-hours a day), seed %d, %d day(s) measured%n", r.scenario(),
                r.gate() ? "on" : "off", r.roster(), r.operatorHoursPerDay(), r.seed(), r.days()));
        out.append(String.format(Locale.ROOT, "  calls a day            %s offered: %s genuine, %s pranks/silent/hang-ups%n", day(r, c.offered()),
                day(r, c.genuine()), day(r, c.pranks())));
        out.append(String.format(Locale.ROOT, "  genuine answered       %s within 10 s, %s within 20 s, mean wait %s (of %d genuine calls)%n",
                Format.percent(g.shareWithin10s()), Format.percent(g.shareWithin20s()), Format.seconds(g.meanWaitSeconds()), g.calls()));
        out.append(String.format(Locale.ROOT, "  genuine never answered %d abandoned by the caller after waiting; refused %d (all calls: %d)%n",
                g.abandoned(), refusedGenuine(r), c.refused()));
        out.append(String.format(Locale.ROOT, "  all calls              %s within 10 s; %s abandoned while ringing, %s at the gate a day%n",
                Format.percent(r.all().shareWithin10s()), day(r, c.abandoned()), day(r, c.abandonedAtGate())));
        out.append(String.format(Locale.ROOT, "  escalations a day      %s to the Polda, %s to Mabes, %s queued at the top%n",
                day(r, r.escalations().toPolda()), day(r, r.escalations().toMabes()), day(r, r.escalations().queuedAtTop())));
        out.append(String.format(Locale.ROOT, "  operators              occupancy %s; %s operator-hours a day in calls, %s of them on pranks (%s)%n",
                Format.percent(o.share()), Format.number(o.busyHours() / r.days(), 1), Format.number(o.prankHours() / r.days(), 1),
                Format.percent(o.busyHours() == 0 ? 0 : o.prankHours() / o.busyHours())));
        out.append(String.format(Locale.ROOT, "  flagged a day          %s (%s genuine); gate: %s confirmed, %s no key, %s hung up; genuine: %d pressed 1, %d no key%n",
                day(r, gate.flagged()), day(r, gate.genuineFlagged()), day(r, gate.confirmed()), day(r, gate.noKey()), day(r, gate.hungUp()),
                gate.genuineConfirmed(), gate.genuineNoKey()));
        return out.toString();
    }

    public static String json(DayResult r) {
        DayResult.Calls c = r.calls();
        DayResult.Answers g = r.genuine();
        DayResult.Gating gate = r.gating();
        DayResult.Occupancy o = r.occupancy();
        return "{" + field("scenario", quote(r.scenario())) + field("seed", r.seed()) + field("days", r.days()) + field("gate", r.gate())
                + field("roster", quote(r.roster())) + field("operatorHoursPerDay", r.operatorHoursPerDay())
                + "\"calls\":{" + field("offered", c.offered()) + field("genuine", c.genuine()) + field("pranks", c.pranks())
                + field("answered", c.answered()) + field("abandoned", c.abandoned()) + field("abandonedAtGate", c.abandonedAtGate())
                + last("refused", c.refused()) + "},"
                + "\"genuine\":{" + field("calls", g.calls()) + field("answered", g.answered()) + field("within10s", g.within10s())
                + field("within20s", g.within20s()) + field("abandoned", g.abandoned()) + field("refused", refusedGenuine(r))
                + field("shareWithin10s", round(g.shareWithin10s())) + field("shareWithin20s", round(g.shareWithin20s()))
                + last("meanWaitSeconds", round(g.meanWaitSeconds())) + "},"
                + "\"escalations\":{" + field("toPolda", r.escalations().toPolda()) + field("toMabes", r.escalations().toMabes())
                + last("queuedAtTop", r.escalations().queuedAtTop()) + "},"
                + "\"operators\":{" + field("onShiftHours", round(o.onShiftHours())) + field("busyHours", round(o.busyHours()))
                + field("prankHours", round(o.prankHours())) + last("occupancy", round(o.share())) + "},"
                + "\"gate\":{" + field("flagged", gate.flagged()) + field("genuineFlagged", gate.genuineFlagged()) + field("confirmed", gate.confirmed())
                + field("noKey", gate.noKey()) + field("hungUp", gate.hungUp()) + field("genuineConfirmed", gate.genuineConfirmed())
                + last("genuineNoKey", gate.genuineNoKey()) + "},"
                + field("events", r.events()) + last("simulatedCalls", r.simulatedCalls()) + "}";
    }

    /** Genuine calls neither answered nor abandoned by their caller: 0 unless the model lost one. */
    static long refusedGenuine(DayResult r) {
        return r.genuine().calls() - r.genuine().answered() - r.genuine().abandoned();
    }

    private static String day(DayResult r, long count) {
        return Format.number(r.perDay(count), 1);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : 0;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String field(String name, Object value) {
        return "\"" + name + "\":" + value + ",";
    }

    private static String last(String name, Object value) {
        return "\"" + name + "\":" + value;
    }
}
