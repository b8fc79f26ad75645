using Jiedan.Common.Web;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Credibility.Api;

/// <summary><c>POST /api/v1/deals/{id}/conversion/score</c>: score the deal's three assets now and record the estimate.</summary>
public static class ConversionScoreApi
{
    public static RouteGroupBuilder MapConversionScoreApiV1(this RouteGroupBuilder api)
    {
        api.MapPost("/deals/{id:long}/conversion/score", ScoreAsync).WithTags("Conversion");
        return api;
    }

    public static async Task<Results<Created<ScoringDto>, ValidationProblem, ProblemHttpResult>> ScoreAsync(long id,
        DealScoringRequest? request, DealCredibilityScoring scorer, CancellationToken ct)
    {
        try
        {
            if (await scorer.ScoreAsync(id, request ?? new DealScoringRequest(null, null), Texts.IsChinese, ct) is not { } scoring)
                return TypedResults.Problem($"Deal {id} not found.", statusCode: StatusCodes.Status404NotFound);
            return TypedResults.Created($"/api/v1/deals/{id}/conversion", ScoringDto.From(scoring));
        }
        catch (DemoAddressException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["demoUrl"] = [e.Message] });
        }
    }
}
