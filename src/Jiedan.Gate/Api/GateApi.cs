using Jiedan.Domain.Time;
using Jiedan.Gate.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Gate.Api;

/// <summary>Gate runs stored on a deal (<c>jiedan gate --deal ID</c> writes them): the history and the reports.</summary>
public static class GateApi
{
    public static RouteGroupBuilder MapGateApiV1(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/deals/{id:long}/gate-runs").WithTags("Gate");
        runs.MapGet("/", List);
        runs.MapGet("/{runId:long}", Get);
        runs.MapGet("/{runId:long}/report", Report);
        return runs;
    }

    public sealed record GateRunDto(long Id, long DealId, DateTime CreatedAtUtc, bool Passed, int Checks, int Blocking,
        string EvidenceSha256, string Project, IReadOnlyList<string> Formats)
    {
        public static GateRunDto From(GateRunSummary r) =>
            new(r.Id, r.DealId, r.CreatedAtUtc.AsUtc(), r.Passed,
            r.Checks, r.Blocking, r.EvidenceSha256, r.Project, r.HasPdf ? ["html", "pdf", "md", "json"] : ["html", "md", "json"]);
    }

    public static async Task<Results<Ok<List<GateRunDto>>, ProblemHttpResult>> List(long id, GateRunStore store, CancellationToken ct) =>
        await store.ListAsync(id, ct) is { } runs
            ? TypedResults.Ok(runs.Select(GateRunDto.From).ToList())
            : NoDeal(id);

    /// <summary>One run's checklist exactly as gate.json recorded it.</summary>
    public static async Task<Results<ContentHttpResult,
        ProblemHttpResult>> Get(long id, long runId, GateRunStore store, CancellationToken ct) =>
        await store.GetAsync(id, runId, ct) is { } run
            ? TypedResults.Content(run.ChecklistJson, "application/json")
            : NoRun(id, runId);

    /// <summary>The client-facing report: <c>format</c> html (default), pdf, md or json.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem,
        ProblemHttpResult>> Report(long id, long runId, string? format, GateRunStore store, CancellationToken ct)
    {
        var f = (format ?? "html").ToLowerInvariant();
        if (f is not ("html" or "pdf" or "md" or "json"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be html, pdf, md or json"] });
        if (await store.GetAsync(id, runId, ct) is not { } run) return NoRun(id, runId);
        var name = $"gate-deal{id}-run{runId}.{f}";
        var utf8 = new System.Text.UTF8Encoding(false);
        return f switch
        {
            "pdf" when run.ReportPdf is { } pdf => TypedResults.File(pdf, "application/pdf", name),
            "pdf" => TypedResults.Problem($"Run {runId} has no PDF report.", statusCode: StatusCodes.Status404NotFound),
            "md" => TypedResults.File(utf8.GetBytes(run.ReportMarkdown), "text/markdown; charset=utf-8", name),
            "json" => TypedResults.File(utf8.GetBytes(run.ChecklistJson), "application/json", name),
            _ => TypedResults.File(utf8.GetBytes(run.ReportHtml), "text/html; charset=utf-8", name),
        };
    }

    private static ProblemHttpResult NoDeal(long id) =>
        TypedResults.Problem($"Deal {id} not found.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NoRun(long id, long runId) =>
        TypedResults.Problem($"Gate run {runId} not found on deal {id}.", statusCode: StatusCodes.Status404NotFound);
}
