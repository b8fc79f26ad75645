using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Jiedan.Domain.Credibility.Audit;
using Jiedan.Domain.Parsing;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// The GitHub Actions pass rate of the default branch: <c>GET {api}/repos/{owner}/{repo}</c> for <c>default_branch</c>,
/// then <c>GET {api}/repos/{owner}/{repo}/actions/runs?branch=…&amp;per_page=50</c> (every event, pushes included),
/// following <c>Link: rel="next"</c> on the same origin until 50 runs are listed. Successful = conclusion "success";
/// completed = status "completed" with a verdict (cancelled, skipped, neutral and stale runs are not verdicts on the
/// code). Bounded: one overall timeout, a size cap per response, JSON depth via <see cref="BoundedJson"/>, at most five
/// pages, no redirects followed (a token is never sent elsewhere). Any failure is a <see cref="CiRuns.Problem"/>.
/// </summary>
public sealed class ActionsRunsClient(HttpClient http, Uri api, string? token)
{
    public const long MaxResponseBytes = 4 * 1024 * 1024;
    public const int MaxPages = 5;
    public static readonly Uri GitHub = new("https://api.github.com/");
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly HashSet<string> NotVerdicts = new(StringComparer.Ordinal) { "cancelled", "skipped", "neutral", "stale" };

    public async Task<CiRuns> ReadAsync(GitRemote remote, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var parts = remote.Path.Split('/');
        if (parts.Length != 2) return Failed(null, $"{remote.Display} is not an owner/repo path");
        var repo = $"repos/{Uri.EscapeDataString(parts[0])}/{Uri.EscapeDataString(parts[1])}";
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        string? branch = null;
        try
        {
            using (var info = await GetAsync(new Uri(Base, repo), limit.Token))
            {
                if (info.Problem is not null) return Failed(null, $"GET /{repo}: {info.Problem}");
                branch = info.Document!.RootElement.ValueKind == JsonValueKind.Object
                    && info.Document.RootElement.TryGetProperty("default_branch", out var b) && b.ValueKind == JsonValueKind.String
                    ? b.GetString() : null;
                if (string.IsNullOrEmpty(branch)) return Failed(null, $"GET /{repo}: no default_branch in the answer");
            }
            var runsPath = $"{repo}/actions/runs";
            var next = new Uri(Base, $"{runsPath}?branch={Uri.EscapeDataString(branch)}&per_page={CiCheck.Window}");
            int listed = 0, completed = 0, successful = 0;
            for (var page = 0; page < MaxPages && next is not null && listed < CiCheck.Window; page++)
            {
                using var answer = await GetAsync(next, limit.Token);
                if (answer.Problem is not null) return Failed(branch, $"GET /{runsPath}: {answer.Problem}");
                var root = answer.Document!.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("workflow_runs", out var runs)
                    || runs.ValueKind != JsonValueKind.Array)
                    return Failed(branch, $"GET /{runsPath}: no workflow_runs array in the answer");
                foreach (var run in runs.EnumerateArray())
                {
                    if (listed >= CiCheck.Window) break;
                    if (run.ValueKind != JsonValueKind.Object || Text(run, "head_branch") != branch) continue;
                    listed++;
                    if (Text(run, "status") != "completed" || Text(run, "conclusion") is not { } conclusion
                        || NotVerdicts.Contains(conclusion))
                        continue;
                    completed++;
                    if (conclusion == "success") successful++;
                }
                next = runs.GetArrayLength() == 0 ? null : NextPage(answer.Link);
            }
            return new CiRuns(branch, successful, completed, listed);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(branch, $"no answer within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            var why = e.HttpRequestError == HttpRequestError.Unknown ? "request failed" : e.HttpRequestError.ToString();
            return Failed(branch, $"{Base.Host}: {why}");
        }
    }

    private Uri Base => api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");

    private static CiRuns Failed(string? branch, string problem) => new(branch, 0, 0, 0, problem);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record Answer(JsonDocument? Document, string? Problem, string? Link) : IDisposable
    {
        public void Dispose() => Document?.Dispose();
    }

    private async Task<Answer> GetAsync(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("jiedan", "1"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        if (!string.IsNullOrEmpty(token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400) return new Answer(null, $"HTTP {status} (redirects are not followed)", null);
        if (status != 200) return new Answer(null, $"HTTP {status}", null);
        if (response.Content.Headers.ContentLength > MaxResponseBytes) return new Answer(null, TooLarge, null);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var bytes = await BoundedInput.ReadAllAsync(body, MaxResponseBytes, ct);
        if (bytes is null) return new Answer(null, TooLarge, null);
        try
        {
            var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(",", links) : null;
            return new Answer(JsonDocument.Parse(bytes, BoundedJson.DocumentOptions), null, link);
        }
        catch (JsonException e)
        {
            return new Answer(null, BoundedJson.Describe(e), null);
        }
    }

    private static string TooLarge => $"answer larger than {MaxResponseBytes / (1024 * 1024)} MiB";

    /// <summary>The rel="next" target of a Link header, only on the API's own origin.</summary>
    private Uri? NextPage(string? link)
    {
        if (link is null) return null;
        foreach (var part in link.Split(','))
        {
            var pieces = part.Split(';');
            if (pieces.Length < 2 || !pieces.Skip(1).Any(p => p.Trim() is "rel=\"next\"" or "rel=next")) continue;
            var target = pieces[0].Trim().TrimStart('<').TrimEnd('>');
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri)
                && string.Equals(uri.GetLeftPart(UriPartial.Authority), Base.GetLeftPart(UriPartial.Authority),
                    StringComparison.OrdinalIgnoreCase))
                return uri;
        }
        return null;
    }
}
