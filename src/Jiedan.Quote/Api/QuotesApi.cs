using Jiedan.Domain.Quote.Spec;
using Jiedan.Quote.Services;
using Jiedan.Reporting.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiedan.Quote.Api;

/// <summary>
/// Quotes under <c>/api/v1/quotes</c>. The request body is the quote spec itself, YAML or JSON (same schema,
/// docs/quote.md); problems come back as problem+json keyed by the spec field, with line and column.
/// </summary>
public static class QuotesApi
{
    private const int MaxSpecBytes = QuoteFieldLimits.SpecText;

    public static RouteGroupBuilder MapQuotesApiV1(this RouteGroupBuilder api)
    {
        var quotes = api.MapGroup("/quotes").WithTags("Quotes");
        quotes.MapPost("/", Create).Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain");
        quotes.MapPost("/preview", Preview).Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain");
        quotes.MapGet("/", ListForDeal);
        quotes.MapGet("/{id:long}", Get);
        quotes.MapGet("/{id:long}/pdf", Pdf);
        quotes.MapGet("/{id:long}/spec", Spec);
        return quotes;
    }

    /// <summary>Computes and stores a quote; <c>?dealId=</c> puts it on a deal, which must exist.</summary>
    public static async Task<Results<Created<QuoteView>, ValidationProblem>> Create(HttpRequest request, long? dealId, QuoteService quotes,
        QuoteApiSettings settings, CancellationToken ct)
    {
        var (prepared, problem) = await PrepareAsync(request, quotes, settings, ct);
        if (prepared is null) return problem!;
        try
        {
            var view = await quotes.SaveAsync(prepared, dealId, ct);
            return TypedResults.Created($"/api/v1/quotes/{view.Id}", view);
        }
        catch (QuoteInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { [e.Field == "deal" ? "dealId" : e.Field] = [e.Message] });
        }
    }

    /// <summary>Computes a quote without storing it (the dashboard's live breakdown).</summary>
    public static async Task<Results<Ok<QuoteView>,
        ValidationProblem>> Preview(HttpRequest request, QuoteService quotes, QuoteApiSettings settings, CancellationToken ct)
    {
        var (prepared, problem) = await PrepareAsync(request, quotes, settings, ct);
        return prepared is null ? problem! : TypedResults.Ok(prepared.View());
    }

    public static async Task<Results<Ok<QuoteView>, NotFound<ProblemDetails>>> Get(long id, QuoteService quotes, CancellationToken ct) =>
        await quotes.FindAsync(id, ct) is { } view ? TypedResults.Ok(view) : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<QuoteView>>,
        ValidationProblem>> ListForDeal(long? dealId, QuoteService quotes, CancellationToken ct) =>
        dealId is { } id
            ? TypedResults.Ok(await quotes.ForDealAsync(id, ct))
            : TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["dealId"] = ["dealId is required: /api/v1/quotes?dealId=ID"] });

    public static async Task<Results<FileContentHttpResult,
        NotFound<ProblemDetails>>> Pdf(long id, QuoteService quotes, CancellationToken ct)
    {
        if (await quotes.FindAsync(id, ct) is not { } view) return NotFound(id);
        var bytes = PdfReport.Render(QuoteProposalDocument.Build(view));
        return TypedResults.File(bytes, "application/pdf", $"quote-{id}.pdf");
    }

    public static async Task<Results<ContentHttpResult,
        NotFound<ProblemDetails>>> Spec(long id, QuoteService quotes, CancellationToken ct) =>
        await quotes.SpecOfAsync(id, ct) is { } text ? TypedResults.Text(text, "application/yaml") : NotFound(id);

    private static async Task<(PreparedQuote?, ValidationProblem?)> PrepareAsync(HttpRequest request, QuoteService quotes,
        QuoteApiSettings settings, CancellationToken ct)
    {
        if (request.ContentLength > MaxSpecBytes) return (null, Problem("spec", $"the spec is larger than {MaxSpecBytes / 1024} KiB"));
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (text.Length > MaxSpecBytes) return (null, Problem("spec", $"the spec is larger than {MaxSpecBytes / 1024} KiB"));
        if (string.IsNullOrWhiteSpace(text)) return (null,
            Problem("spec", "the request body is the quote spec (YAML or JSON) and it is empty"));
        try
        {
            var root = settings.RepositoryRoot;
            return (await quotes.PrepareAsync(text, "request body", root ?? Directory.GetCurrentDirectory(), root, ct), null);
        }
        catch (QuoteSpecException e)
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [e.Field] = [$"line {e.Mark.Line}, column {e.Mark.Column}: {e.Problem}"] },
                title: "The quote spec is not valid",
                extensions: new Dictionary<string, object?> { ["line"] = e.Mark.Line, ["column"] = e.Mark.Column }));
        }
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static NotFound<ProblemDetails> NotFound(long id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Quote not found", Detail = $"no quote with id {id}" });
}
