using System.Globalization;
using Jiedan.Domain.Quote;
using Jiedan.Domain.Quote.Calibration;
using Jiedan.Quote.Services;
using Spectre.Console;

namespace Jiedan.Quote.Cli;

/// <summary>How a quote and a calibration look in a terminal: tables for the figures, one line per derived value.</summary>
internal static class QuoteConsole
{
    public static void Write(IAnsiConsole c, QuoteView q)
    {
        var heading = q.Title is null ? "Quote 报价" : $"Quote 报价: {q.Title}";
        if (q.Client is not null) heading += $" — {q.Client}";
        c.WriteLine(heading);
        c.WriteLine($"{q.Platform} · {q.Seniority} · {q.Currency} · issued {q.IssuedOn:yyyy-MM-dd}" +
            $" · valid until {q.ValidUntil:yyyy-MM-dd}" +
            $"{(q.Id is { } id ? $" · stored as quote {id}" : "")}{(q.DealId is { } d ? $" on deal {d}" : "")}");

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("layer 层").AddColumn(new TableColumn("measure").RightAligned()).AddColumn(new TableColumn("hours").RightAligned())
            .AddColumn(new TableColumn("weight").RightAligned()).AddColumn(new TableColumn("weighted h").RightAligned()).AddColumn("how");
        foreach (var l in q.Layers)
            table.AddRow(Markup.Escape(LayerName(l.Layer, q.Tier)), Markup.Escape($"{N(l.Measure)} {l.Unit}"), N(l.Hours), $"{l.Weight:P1}",
                N(l.WeightedHours), Markup.Escape(l.Formula));
        table.AddRow("effort 工时", "", "", "", $"{N(q.EffortHours)} h", "");
        c.Write(table);
        c.WriteLine(q.EffortRange is { } r
            ? $"effort range 工时区间: {N(r.Low)} – {N(r.High)} h, {Pct(r.Nominal)} interval;" +
              $" covered {Pct(r.Coverage)} of {r.Projects} past projects (leave-one-out)"
            : "effort range 工时区间: not measured — the factors in use are not calibrated (jiedan quote calibrate --save)");

        c.WriteLine($"function points: {q.FunctionPoints.Total} FP unadjusted" +
            $" ({string.Join(", ", q.FunctionPoints.ByType.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}"))})");
        c.WriteLine($"SLA target: P99 {q.Sla.P99Ms} ms, uptime {q.Sla.UptimePercent} % → {q.Tier}");
        c.WriteLine($"risk premium 风险溢价: {q.TierBase} ({q.Tier}) + {q.TechDebtPercent} % tech debt × {RiskPremium.PerDebtPercent}" +
            $" = {q.Premium:0.####}");
        if (q.TechDebt.Measured is { } m)
            c.WriteLine($"tech debt measured: {string.Join(", ", m.Markers.Select(k => $"{k.Key} {k.Value}"))}" +
                $", lint findings {m.LintFindings} → {m.RemediationMinutes} min over {m.DevelopmentMinutes} min of development");
        c.WriteLine($"hourly rate: {Money(q.HourlyRate.Low, q.Currency)} / {Money(q.HourlyRate.Expected, q.Currency)}" +
            $" / {Money(q.HourlyRate.High, q.Currency)}" +
            $" (low / mid / high of the band)");
        c.WriteLine($"price 报价: low {Money(q.Price.Low, q.Currency)} · expected {Money(q.Price.Expected, q.Currency)}" +
            $" · high {Money(q.Price.High, q.Currency)}");
        if (q.RangePrice is { } rp)
            c.WriteLine($"price over the effort range 按工时区间: low {Money(rp.Low, q.Currency)} (low effort, low rate)" +
                $" · expected {Money(rp.Expected, q.Currency)} · high {Money(rp.High, q.Currency)} (high effort, high rate)");
        if (q.Cocomo is { } k)
            c.WriteLine($"COCOMO (basic, organic) cross-check: {N(k.Kloc)} KLOC → {N(k.PersonMonths)} person-months" +
                $" ({N(k.EffortHours)} h at {N(k.HoursPerPersonMonth)} h/PM)," +
                $" {N(k.DurationMonths)} months, {N(k.Staff)} people");
        if (q.CrossCheck is { Disagrees: true } x)
        {
            c.WriteLine($"note 提示: {x.NoteEn}");
            c.WriteLine($"  {x.NoteZh}");
        }
        c.WriteLine($"factors: {q.Factors.Source}");
        c.WriteLine($"  size accuracy: {q.Factors.SizeAccuracy?.ToString() ?? "not measured (default factor)"}");
        c.WriteLine($"  function-point accuracy: {q.Factors.FunctionPointAccuracy?.ToString() ?? "not measured (default factor)"}");
    }

    public static void Write(IAnsiConsole c, CalibrationResult result, CalibrationResult? baseline, long? savedId)
    {
        c.WriteLine($"calibration from {result.Source}: {result.ProjectsRead} projects" +
            (result.IncompleteLines.Count > 0
                ? $", {result.IncompleteLines.Count} incomplete rows skipped (lines {string.Join(", ", result.IncompleteLines)})" : ""));
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("layer").AddColumn("method").AddColumn(new TableColumn("n").RightAligned()).AddColumn("model (hours =)")
            .AddColumn(new TableColumn("MMRE").RightAligned()).AddColumn(new TableColumn("MdMRE").RightAligned())
            .AddColumn(new TableColumn("PRED(25)").RightAligned()).AddColumn(new TableColumn("interval").RightAligned())
            .AddColumn(new TableColumn("coverage").RightAligned());
        void Row(LayerCalibration? l, string method)
        {
            if (l is null) return;
            var a = l.Accuracy;
            var i = l.Interval;
            table.AddRow(Markup.Escape(l.Layer == QuoteLayer.Size ? "size" : "function points"), Markup.Escape(method),
                a.Projects.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Model(l.Model, l.Layer == QuoteLayer.Size ? "lines" : "FP")), F(a.Mmre), F(a.MdMre), F(a.Pred25),
                $"{Pct(i.Nominal)}: ×{i.LowRatio:0.00}–{i.HighRatio:0.00}", Pct(i.Coverage));
        }
        Row(result.Size, result.MethodName);
        Row(baseline?.Size, "OLS (classic)");
        Row(result.FunctionPoints, result.MethodName);
        Row(baseline?.FunctionPoints, "OLS (classic)");
        c.Write(table);
        foreach (var l in new[] { result.Size, result.FunctionPoints }.OfType<LayerCalibration>())
            c.WriteLine($"{(l.Layer == QuoteLayer.Size ? "size" : "function points")}: chose {l.Chosen.Name} on all projects;" +
                $" inside the leave-one-out folds: {string.Join(", ", l.ChosenInFolds.OrderByDescending(k => k.Value)
                    .Select(k => $"{k.Key} {k.Value}×"))}");
        c.WriteLine("accuracy and coverage are leave-one-out: each project predicted, and its interval checked, by a run that" +
            " never saw it (any choice between models made inside that run).");
        c.WriteLine(savedId is { } id
            ? $"saved as calibration {id}: later quotes use these factors."
            : "not saved (add --save to price later quotes with these factors).");
    }

    private static string Model(LayerModel m, string unit)
    {
        var factors =
            m.FactorMultipliers.Select(f => $" × {f.Key}{{{Levels(f.Value)}}}");
        return $"{m.Coefficient:0.###} × {unit}^{m.Exponent:0.###}{string.Concat(factors)}";
    }

    private static string LayerName(string layer, string tier) => layer switch
    {
        nameof(QuoteLayer.Size) => "size 规模",
        nameof(QuoteLayer.FunctionPoints) => "function points 功能点",
        _ => $"SLA ({tier})",
    };

    private static string N(double x) => x.ToString("#,0.##", CultureInfo.InvariantCulture);
    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Pct(double x) => (x * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Money(decimal amount, string currency) => QuoteFormat.Money(amount, currency);

    private static string Levels(IReadOnlyDictionary<string, double> levels) =>
        string.Join(", ", levels.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}: {v.Value:0.###}"));
}
