using Jiedan.Common.Web;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Proposal;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Demo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Credibility.Api;

/// <summary>The body of <c>POST /api/v1/credibility/demo</c>.</summary>
public sealed record DemoProbeRequest(string? Url);

/// <summary>
/// <c>POST /api/v1/credibility/demo</c> {url} → the demo's score (an unreachable demo is a score with the reason, 200);
/// <c>GET /api/v1/deals/{id}/credibility/proposal</c> → the proposal's score. Evidence in the request's language.
/// </summary>
public static class CredibilityProbeApi
{
    public static RouteGroupBuilder MapCredibilityProbeApiV1(this RouteGroupBuilder api)
    {
        api.MapPost("/credibility/demo", DemoAsync).WithTags("Credibility")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/deals/{id:long}/credibility/proposal", ProposalAsync).WithTags("Credibility")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<AssetScore>, ValidationProblem, ProblemHttpResult>> DemoAsync(DemoProbeRequest? request,
        DemoProbe probe, CancellationToken ct)
    {
        try
        {
            var measured = await probe.MeasureAsync(request?.Url ?? "", ct);
            return TypedResults.Ok(DemoScoring.Score(measured, DemoThresholds.Default, Texts.IsChinese));
        }
        catch (DemoAddressException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [DemoAddressException.Field] = [e.Message] });
        }
        catch (DemoProbeUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<Results<Ok<AssetScore>, ProblemHttpResult>> ProposalAsync(long id, ProposalScores scores,
        CancellationToken ct)
    {
        var score = await scores.ScoreAsync(id, Texts.IsChinese, ct);
        return score is null
            ? TypedResults.Problem(title: "Deal not found", detail: $"no deal with id {id}", statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["field"] = "id" })
            : TypedResults.Ok(score);
    }
}
