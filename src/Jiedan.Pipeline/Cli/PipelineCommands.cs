using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Deals;
using Jiedan.Deals.Cli;
using Jiedan.Pipeline.Reports;
using Jiedan.Pipeline.Storage;
using Jiedan.Reporting.Charts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Pipeline.Cli;

/// <summary><c>jiedan pipeline report</c>: stage durations, blocked rates, funnel, bottlenecks and rotting deals.</summary>
public static class PipelineCommands
{
    private static readonly CliRegistration Uses = Needs.Of(DealsModule.RegisterData, PipelineModule.RegisterData);

    public static Command Create()
    {
        var pipeline = new Command("pipeline", "Pipeline analytics");
        pipeline.Subcommands.Add(Report());
        return pipeline;
    }

    private static Command Report()
    {
        var filters = new DealFilterOptions();
        var chart = new Option<FileInfo?>("--chart") { Description = "Also write a chart: FILE.png or FILE.svg" };
        var chartKind = new Option<string>("--chart-kind") { Description = "durations, funnel or blocked",
            DefaultValueFactory = _ => "durations" };
        chartKind.AcceptOnlyFromAmong(PipelineCharts.Kinds);
        var language = new Option<string>("--lang") { Description = "Chart and table language: en or zh", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "zh");
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("report",
            "Per-stage mean, SD, P90, blocked rate, funnel, bottlenecks (2× median rule) and rotting deals");
        filters.AddTo(command);
        foreach (var o in new Option[] { chart, chartKind, language, db, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (query, error) = filters.Read(parse);
            if (query is null) return output.Fail(error!);
            var chartFile = parse.GetValue(chart);
            if (chartFile is not null && chartFile.Extension.ToLowerInvariant() is not (".png" or ".svg"))
                return output.Fail($"--chart {chartFile.Name}: the chart file must end in .png or .svg");
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            var report = await services.CreateScope().ServiceProvider.GetRequiredService<PipelineQueries>().ReportAsync(query, ct);
            var lang = parse.GetValue(language)!;
            if (chartFile is not null) ChartRenderer.Save(PipelineCharts.Build(parse.GetValue(chartKind)!, report, lang),
                chartFile.FullName);
            if (parse.GetValue(json)) return output.WriteJson(report);
            PipelineReportTable.Write(output, report, lang);
            if (chartFile is not null) output.Out.WriteLine($"Chart written to {chartFile.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

internal static class PipelineReportTable
{
    public static void Write(CliOutput output, Jiedan.Domain.Pipeline.PipelineReport report, string lang)
    {
        var c = CultureInfo.InvariantCulture;
        output.Out.WriteLine($"Pipeline as of {report.AsOf:yyyy-MM-dd}: {report.Deals} deals, {report.Lost} lost." +
            " Durations in business days.");
        var table = output.NewTable("Stage", "n", "Mean", "SD", "Median", "P90", "Blocked", "In stage", "→ next", "Deal bottlenecks", "");
        foreach (var s in report.Stages)
            table.AddRow(CliOutput.Escape(s.Stage.Label(lang)), s.Durations.Count.ToString(c), s.Durations.Mean.ToString("0.0", c),
                s.Durations.StandardDeviation.ToString("0.0", c),
                s.Durations.Median.ToString(c), s.Durations.P90.ToString(c), (100 * s.BlockedRate).ToString("0", c) + "%",
                    s.InStageNow.ToString(c),
                s.ConversionToNext is { } x ? (100 * x).ToString("0", c) + "%" : "—", s.DealBottlenecks.ToString(c), s.IsBottleneck
                    ? "BOTTLENECK" : "");
        output.Console.Write(table);
        output.Out.WriteLine($"Time to sign: mean {report.TimeToSign.Mean.ToString("0.0", c)}," +
            $" SD {report.TimeToSign.StandardDeviation.ToString("0.0", c)}," +
            $" P90 {report.TimeToSign.P90} (n={report.TimeToSign.Count}).");
        output.Out.WriteLine(report.Bottlenecks.Count == 0
            ? $"No bottleneck: no stage's mean exceeds 2 × {report.MedianOfStageMeans.ToString("0.0", c)} (median of stage means)."
            : $"Bottleneck: {string.Join(", ", report.Bottlenecks)}" +
              $" (mean above 2 × {report.MedianOfStageMeans.ToString("0.0", c)}, the median of stage means).");
        if (report.Rotting.Count > 0)
        {
            output.Out.WriteLine("Rotting deals (idle past the stage's P90):");
            var rotting = output.NewTable("Deal", "Client", "Stage", "Idle", "P90");
            foreach (var r in report.Rotting) rotting.AddRow(r.DealId.ToString(c), CliOutput.Escape(r.Client), r.Stage,
                r.IdleBusinessDays.ToString(c), r.StageP90.ToString(c));
            output.Console.Write(rotting);
        }
    }
}
