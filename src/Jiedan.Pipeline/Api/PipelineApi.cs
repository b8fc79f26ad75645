using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Pipeline;
using Jiedan.Pipeline.Reports;
using Jiedan.Pipeline.Storage;
using Jiedan.Reporting.Charts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Pipeline.Api;

/// <summary>Pipeline analytics under <c>/api/v1/pipeline</c>.</summary>
public static class PipelineApi
{
    public static RouteGroupBuilder MapPipelineApiV1(this RouteGroupBuilder api)
    {
        var pipeline = api.MapGroup("/pipeline").WithTags("Pipeline");
        pipeline.MapGet("/report", Report);
        pipeline.MapGet("/stages", (PipelineSettings settings) => TypedResults.Ok(settings.Stages.Ordered.Append(PipelineStages.Lost)));
        pipeline.MapGet("/report/chart/{kind}.{format}", Chart);
        return pipeline;
    }

    public static async Task<Results<Ok<PipelineReport>,
        ValidationProblem>> Report([AsParameters] DealFilter filter, PipelineQueries queries, CancellationToken ct)
    {
        var (query, problem) = filter.ToQuery();
        if (query is null) return problem!;
        return TypedResults.Ok(await queries.ReportAsync(query, ct));
    }

    /// <summary>A chart of the report: <c>durations</c>, <c>funnel</c> or <c>blocked</c>, as <c>svg</c> or <c>png</c>.</summary>
    public static async Task<Results<FileContentHttpResult,
        ValidationProblem>> Chart(string kind, string format, [AsParameters] DealFilter filter, PipelineQueries queries, HttpContext http,
        CancellationToken ct)
    {
        if (!PipelineCharts.Kinds.Contains(kind))
            return TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["kind"] = [$"unknown chart '{kind}'" +
                    $" (known: {string.Join(", ", PipelineCharts.Kinds)})"] });
        if (format is not ("svg" or "png"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be svg or png"] });
        var (query, problem) = filter.ToQuery();
        if (query is null) return problem!;
        var report = await queries.ReportAsync(query, ct);
        var spec = PipelineCharts.Build(kind, report, Texts.Language);
        return format == "svg"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ChartRenderer.Svg(spec)), "image/svg+xml")
            : TypedResults.File(ChartRenderer.Png(spec), "image/png");
    }
}
