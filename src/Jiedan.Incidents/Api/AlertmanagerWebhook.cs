using Jiedan.Common.Web;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Domain.Incidents;
using Jiedan.Domain.Parsing;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Incidents.Api;

/// <summary>
/// Alertmanager's webhook receiver. Anonymous at the framework level: the bearer token Alertmanager sends
/// (<c>http_config.authorization</c>) is compared in constant time before the body is read; otherwise 401 and nothing
/// is read or stored. 200 is answered once the notification is committed; Alertmanager retries on 5xx.
/// </summary>
public static class AlertmanagerWebhook
{
    public static IEndpointRouteBuilder MapAlertmanagerWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/alerts/alertmanager/{name}", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(RateLimits.Bots);
        return app;
    }

    public static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveAsync(
        string name, HttpRequest request, [AsParameters] ReceiverServices s, CancellationToken ct)
    {
        if (s.Receivers.Find(name) is not { } receiver || !Authorized(request, receiver.BearerToken))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }
        if (request.ContentLength > AlertmanagerLimits.MaxBodyBytes) return TooLarge();
        var body = await BoundedInput.ReadAllAsync(request.Body, AlertmanagerLimits.MaxBodyBytes, ct,
            request.ContentLength is { } n ? (int)n : 4096);
        if (body is null) return TooLarge();
        AlertGroup group;
        try { group = AlertmanagerParser.Parse(body); }
        catch (IncidentFormatException e) { return Problem(e.Field, e.Problem, StatusCodes.Status400BadRequest); }
        try { await s.Incidents.IngestAsync(new AlertNotification(receiver.Name, receiver.DealId, group), ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not stored, so not acknowledged: Alertmanager sends it again.
            return TypedResults.Problem(title: "alerts not stored, try again", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        s.Signal.Wake();
        return TypedResults.Ok();
    }

    private static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && SecretToken.Matches(header[scheme.Length..].Trim(), token);
    }

    private static ProblemHttpResult TooLarge() =>
        Problem("body", $"larger than {AlertmanagerLimits.MaxBodyBytes} bytes", StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult Problem(string field, string problem, int status) =>
        TypedResults.Problem(title: "bad alert notification", detail: $"{field}: {problem}", statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [problem] } });
}

/// <summary>What the receiver needs.</summary>
public sealed record ReceiverServices(AlertReceivers Receivers, GroupCommit Incidents, IncidentSignal Signal);
