using Jiedan.Common.Web;
using Jiedan.Deals.Import;
using Jiedan.Deals.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Deals.Api;

/// <summary>Deals under <c>/api/v1/deals</c>.</summary>
public static class DealsApi
{
    public static RouteGroupBuilder MapDealsApiV1(this RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Deals");
        deals.MapGet("/", List);
        deals.MapPost("/", Create);
        deals.MapGet("/{id:long}", Get).ProducesProblem(StatusCodes.Status404NotFound);
        deals.MapPatch("/{id:long}", Update).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        deals.MapGet("/{id:long}/changes", Changes).ProducesProblem(StatusCodes.Status404NotFound);
        deals.MapPost("/{id:long}/move", Move).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        deals.MapPost("/import", Import).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        deals.MapGet("/export", Export);
        return deals;
    }

    public static async Task<Results<Ok<List<DealDto>>,
        ValidationProblem>> List([AsParameters] DealFilter filter, DealStore store, CancellationToken ct)
    {
        var (query, problem) = filter.ToQuery();
        if (query is null) return problem!;
        return TypedResults.Ok((await store.ListAsync(query, ct)).Select(d => DealDto.From(d)).ToList());
    }

    public static async Task<Results<Created<DealDto>,
        ValidationProblem>> Create(CreateDealRequest request, DealStore store, HttpContext http, CancellationToken ct)
    {
        var (draft, errors) = DealRequestValidation.ToDraft(request);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        return await store.CreateAsync(draft, request.Stage, request.At, http.User.Actor(), ct) switch
        {
            MoveResult.Moved m => TypedResults.Created($"/api/v1/deals/{m.Deal.Id}", DealDto.From(m.Deal, withEvents: true)),
            MoveResult.Rejected r => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [r.Field] = [r.Reason] }),
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };
    }

    public static async Task<Results<Ok<DealDto>, ProblemHttpResult>> Get(long id, DealStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } deal ? TypedResults.Ok(DealDto.From(deal, withEvents: true)) : NotFoundProblem(id);

    public static async Task<Results<Ok<DealDto>, ProblemHttpResult, ValidationProblem>> Move(
        long id, MoveDealRequest request, DealStore store, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Stage))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = ["stage is required"] });
        return await store.MoveAsync(id, request.Version, request.Stage, request.At, http.User.Actor(), request.Reason, ct) switch
        {
            MoveResult.Moved m => TypedResults.Ok(DealDto.From(m.Deal, withEvents: true)),
            MoveResult.NotFound => NotFoundProblem(id),
            MoveResult.Stale s => StaleProblem(request.Version, s.CurrentVersion),
            MoveResult.Rejected r => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [r.Field] = [r.Reason] }),
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };
    }

    /// <summary>Edits a deal's attributes (merge-patch style: only the fields sent change); each change joins its history.</summary>
    public static async Task<Results<Ok<DealDto>, ProblemHttpResult, ValidationProblem>> Update(
        long id, UpdateDealRequest request, DealStore store, HttpContext http, CancellationToken ct) =>
        await store.UpdateAsync(id, request.Version, request.ApplyTo, http.User.Actor(), ct) switch
        {
            UpdateResult.Updated u => TypedResults.Ok(DealDto.From(u.Deal)),
            UpdateResult.NotFound => NotFoundProblem(id),
            UpdateResult.Stale s => StaleProblem(request.Version, s.CurrentVersion),
            UpdateResult.Invalid i => TypedResults.ValidationProblem(new Dictionary<string, string[]>(i.Errors)),
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };

    /// <summary>The deal's edit history, newest first.</summary>
    public static async Task<Results<Ok<List<DealChangeDto>>, ProblemHttpResult>> Changes(long id, DealStore store, CancellationToken ct)
    {
        if (!await store.ExistsAsync(id, ct)) return NotFoundProblem(id);
        return TypedResults.Ok((await store.ChangesAsync(id, ct)).Select(DealChangeDto.From).ToList());
    }

    public static async Task<Results<Ok<ImportResultDto>,
        ValidationProblem>> Import(IFormFile file, DealImporter importer, HttpContext http, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(file.FileName, stream, http.User.Actor(), ct);
        if (!result.Succeeded)
            return TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["file"] = result.Errors.Select(e => e.Format(file.FileName)).ToArray() },
                title: $"{file.FileName}: {result.Errors.Count} error(s); nothing was imported");
        return TypedResults.Ok(new ImportResultDto(result.Rows, result.DealsCreated, result.EventsAdded, result.EventsAlreadyPresent));
    }

    public static async Task<IResult> Export([AsParameters] DealFilter filter, string? format, DealExporter exporter, CancellationToken ct)
    {
        var (query, problem) = filter.ToQuery();
        if (query is null) return problem!;
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        var writer = new StringWriter();
        await exporter.ExportAsync(writer, json ? "json" : "csv", query, ct);
        return Results.Text(writer.ToString(), json ? "application/json" : "text/csv", System.Text.Encoding.UTF8);
    }

    private static ProblemHttpResult StaleProblem(int? sent, int current) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The deal was changed by someone else",
        detail: $"you sent version {sent}, the deal is at version {current}; reload it and try again",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    private static ProblemHttpResult NotFoundProblem(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Deal not found", detail: $"no deal with id {id}");
}

/// <summary>Query-string filters shared by the deal list, export and pipeline report.</summary>
public sealed record DealFilter(string? Platform, string? Category, string? Seniority, string? Stage, DateOnly? From, DateOnly? To,
    string? Search, int? Limit)
{
    public (DealQuery? Query, ValidationProblem? Problem) ToQuery()
    {
        var (query, field, error) = DealQueryParser.Parse(Platform, Category, Seniority, From, To, Stage, Search, Math.Clamp(Limit ?? 500,
            1, 5000));
        return query is not null ? (query, null) : (null, TypedResults.ValidationProblem(new Dictionary<string,
            string[]> { [field!] = [error!] }));
    }
}
