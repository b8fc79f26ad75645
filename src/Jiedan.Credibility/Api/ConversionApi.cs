using System.Text;
using System.Text.Json;
using Jiedan.Credibility.Conversion;
using Jiedan.Domain.Credibility.Conversion;
using Jiedan.Domain.Parsing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Credibility.Api;

/// <summary>
/// The conversion estimate under <c>/api/v1</c>: a deal's scorings (read, record), the fit to closed deals, and the
/// weights in force (read, adopt). Writes follow the app's rules for API writes (token, or a same-origin dashboard session).
/// </summary>
public static class ConversionApi
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static RouteGroupBuilder MapConversionApiV1(this RouteGroupBuilder api)
    {
        var deal = api.MapGroup("/deals/{id:long}/conversion").WithTags("Conversion");
        deal.MapGet("/", Get);
        deal.MapPost("/", Record).Accepts<ConversionScoringRequest>("application/json");
        var conversion = api.MapGroup("/conversion").WithTags("Conversion");
        conversion.MapGet("/fit", Fit);
        conversion.MapGet("/weights", Weights);
        conversion.MapPut("/weights", PutWeights).Accepts<ConversionWeightsRequest>("application/json");
        return deal;
    }

    public static async Task<Results<Ok<DealConversionDto>, ProblemHttpResult>> Get(long id, ConversionService service,
        CancellationToken ct)
    {
        if (await service.HistoryAsync(id, ct) is not { } history) return NoDeal(id);
        var weights = await service.WeightsAsync(ct);
        var dtos = history.Select(ScoringDto.From).ToList();
        return TypedResults.Ok(new DealConversionDto(id, dtos.FirstOrDefault(), dtos, WeightsInForceDto.From(weights)));
    }

    /// <summary>Records a scoring (the three asset scores with their checks) with the weights in force.</summary>
    public static async Task<Results<Created<ScoringDto>, ValidationProblem, ProblemHttpResult>> Record(long id, HttpRequest request,
        ConversionService service, CancellationToken ct)
    {
        var (text, problem) = await ReadBodyAsync(request, ct);
        if (text is null) return problem!;
        AssetScores scores;
        try { scores = AssetScoresJson.Parse(text); }
        catch (ConversionInputException e) { return Invalid(e.Field, e.Problem); }
        if (await service.RecordAsync(id, scores, ct) is not { } scoring) return NoDeal(id);
        return TypedResults.Created($"/api/v1/deals/{id}/conversion", ScoringDto.From(scoring));
    }

    public static async Task<Ok<ConversionFitDto>> Fit(ConversionService service, ClosedDeals closed, CancellationToken ct) =>
        TypedResults.Ok(ConversionFitDto.From(await service.FitAsync(ct), closed.WonStage));

    public static async Task<Ok<WeightsInForceDto>> Weights(ConversionService service, CancellationToken ct) =>
        TypedResults.Ok(WeightsInForceDto.From(await service.WeightsAsync(ct)));

    /// <summary>Adopts weights: <c>{"proposal","repository","demo"}</c> summing to 1, or <c>{"use":"fitted"|"seed"}</c>.</summary>
    public static async Task<Results<Ok<WeightsInForceDto>, ValidationProblem, ProblemHttpResult>> PutWeights(HttpRequest request,
        ConversionService service, CancellationToken ct)
    {
        var (text, problem) = await ReadBodyAsync(request, ct);
        if (text is null) return problem!;
        WeightsChoice choice;
        try { choice = WeightsChoice.Parse(text); }
        catch (ConversionInputException e) { return Invalid(e.Field, e.Problem); }
        switch (choice.Use)
        {
            case WeightsInForce.FittedSource:
                var (adopted, why) = await service.UseFittedAsync(ct);
                return adopted is null
                    ? TypedResults.Problem($"No fitted weights to use: {why}.", statusCode: StatusCodes.Status409Conflict)
                    : TypedResults.Ok(WeightsInForceDto.From(adopted));
            case WeightsInForce.SeedSource:
                return TypedResults.Ok(WeightsInForceDto.From(
                    await service.UseWeightsAsync(ConversionWeights.Seed, WeightsInForce.SeedSource, ct)));
            default:
                return TypedResults.Ok(WeightsInForceDto.From(
                    await service.UseWeightsAsync(choice.Weights!, WeightsInForce.ManualSource, ct)));
        }
    }

    private static async Task<(string?, ValidationProblem?)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        const int max = ConversionLimits.BodyBytes;
        if (request.ContentLength > max) return (null, Invalid("body", $"larger than {max / 1024} KiB"));
        var bytes = await BoundedInput.ReadAllAsync(request.Body, max, ct);
        if (bytes is null) return (null, Invalid("body", $"larger than {max / 1024} KiB"));
        if (bytes.Length == 0) return (null, Invalid("body", "is empty: send a JSON object"));
        try { return (StrictUtf8.GetString(bytes), null); }
        catch (DecoderFallbackException) { return (null, Invalid("body", "is not UTF-8")); }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NoDeal(long id) =>
        TypedResults.Problem($"Deal {id} not found.", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>What PUT /conversion/weights asks for: explicit weights (source manual), or <c>use</c> fitted or seed.</summary>
public sealed record WeightsChoice(string Use, ConversionWeights? Weights)
{
    public static WeightsChoice Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, BoundedJson.DocumentOptions); }
        catch (JsonException e) { throw new ConversionInputException("body", $"line {BoundedJson.Line(e)}: {BoundedJson.Describe(e)}"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ConversionInputException("body", "must be a JSON object");
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name is not ("use" or ConversionAssets.Proposal or ConversionAssets.Repository or ConversionAssets.Demo))
                    throw new ConversionInputException("body", "unknown field (known: proposal, repository, demo, use)");
            }
            if (root.TryGetProperty("use", out var use))
            {
                if (root.EnumerateObject().Count() > 1)
                    throw new ConversionInputException("use", "send either use or the three weights, not both");
                return use.ValueKind == JsonValueKind.String && use.GetString() is WeightsInForce.FittedSource or WeightsInForce.SeedSource
                    ? new WeightsChoice(use.GetString()!, null)
                    : throw new ConversionInputException("use", "must be \"fitted\" or \"seed\"");
            }
            var values = ConversionAssets.All.Select(name => Number(root, name)).ToArray();
            if (ConversionWeights.Problem(values[0], values[1], values[2]) is { } problem)
                throw new ConversionInputException(problem.Field, problem.Message);
            return new WeightsChoice(WeightsInForce.ManualSource, new ConversionWeights(values[0], values[1], values[2]));
        }
    }

    private static double Number(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var v) ? throw new ConversionInputException(name, "is required (or send {\"use\":\"fitted\"})")
        : v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d
        : throw new ConversionInputException(name, "must be a number");
}
