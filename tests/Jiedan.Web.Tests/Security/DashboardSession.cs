using System.Net;
using System.Text.RegularExpressions;
using Jiedan.Testing;

namespace Jiedan.Web.Tests.Security;

/// <summary>
/// A browser's cookie jar over real HTTP, kept by hand so a cookie can be captured, inspected (Secure, even over plain
/// http) and replayed after logout. Reads antiforgery tokens from the forms it fetches.
/// </summary>
public sealed partial class DashboardSession(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http =
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);
    /// <summary>Headers added to every request (e.g. X-Forwarded-Proto).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> SetCookieHeaders { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookieHeaders.Add(header);
            var pair = header.Split(';', 2)[0].Split('=', 2);
            var deleted = pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (deleted) Cookies.Remove(pair[0]);
            else Cookies[pair[0]] = pair[1];
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Gets the form at <paramref name="formPath"/> for its antiforgery token, posts the fields there or to postPath.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPath, IDictionary<string, string> fields, string? postPath = null)
    {
        var token = await FormTokenAsync(formPath);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, postPath ?? formPath) { Content = new FormUrlEncodedContent(all) });
    }

    public async Task<string> FormTokenAsync(string path)
    {
        var html = await (await GetAsync(path)).Content.ReadAsStringAsync();
        return AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token on {path}");
    }

    public async Task LoginAsync(string password, string user = "owner")
    {
        var response = await PostFormAsync("/login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"login answered {(int)response.StatusCode}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public static class OwnerPassword
{
    public const string Value = "correct horse battery staple";

    /// <summary>Sets the owner's password in-process (the setup page itself is tested elsewhere).</summary>
    public static Task SetAsync(JiedanTestServer server, string password = Value) => server.SetOwnerPasswordAsync(password);
}
