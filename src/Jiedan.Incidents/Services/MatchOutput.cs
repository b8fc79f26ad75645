using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Jiedan.Domain.Incidents;

namespace Jiedan.Incidents.Services;

/// <summary>One suggestion as printed and stored: the fixed shape of <c>jiedan kb match --json</c> plus the evidence.</summary>
public sealed record MatchDto(string Title, string Source, double Score, IReadOnlyList<string> Path, IReadOnlyList<string> Evidence);

/// <summary>How suggestions are written: JSON for scripts and the database, text for a chat.</summary>
public static class MatchOutput
{
    public const int MaxChatAlerts = 10;
    public const int MaxChatChars = 3500;
    public const string AcknowledgeLabel = "👍 收到 Acknowledge";
    /// <summary>How to acknowledge where a chat has no buttons (WeCom).</summary>
    public const string AcknowledgeByText = "回复「收到」确认 · reply \"ack\" to acknowledge";

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Confident matches only: below the threshold nothing is offered ("no confident match").</summary>
    public static IReadOnlyList<MatchDto> Offered(MatchResult result) => result.Confident
        ? [.. result.Matches.Select(m => new MatchDto(m.Entry.Title, m.Entry.Source, m.Score, m.Entry.Path, m.Evidence))]
        : [];

    /// <summary>The chat message for the alerts of one notification (English and Chinese), at most a few thousand characters.</summary>
    public static string ChatText(IReadOnlyList<(string Name, string Status, MatchResult Result)> alerts, int truncated)
    {
        var text = new StringBuilder();
        foreach (var (name, status, result) in alerts.Take(MaxChatAlerts))
        {
            text.Append(CultureInfo.InvariantCulture, $"🔔 告警 Alert: {name} ({status})\n");
            var offered = Offered(result);
            if (offered.Count == 0) text.Append("   无可信匹配 · no confident match\n");
            for (var i = 0; i < offered.Count; i++)
            {
                var m = offered[i];
                text.Append(CultureInfo.InvariantCulture, $"   {i + 1}. {m.Title} ({m.Score:0.00}) {string.Join(" → ", m.Path)}\n");
                text.Append(CultureInfo.InvariantCulture, $"      依据 evidence: {string.Join("; ", m.Evidence)}\n");
            }
        }
        if (alerts.Count > MaxChatAlerts)
            text.Append(CultureInfo.InvariantCulture, $"… +{alerts.Count - MaxChatAlerts} 条告警 more alerts\n");
        if (truncated > 0)
            text.Append(CultureInfo.InvariantCulture, $"Alertmanager 省略了 {truncated} 条告警 · {truncated} alerts truncated\n");
        var s = text.ToString().TrimEnd();
        return s.Length <= MaxChatChars ? s : s[..MaxChatChars] + "…";
    }

    /// <summary>The suggestions stored with an incident (all of them, confident or not), best first.</summary>
    public static IReadOnlyList<MatchDto> Stored(string? matchesJson) =>
        matchesJson is null ? [] : JsonSerializer.Deserialize<List<MatchDto>>(matchesJson, Json) ?? [];

    /// <summary>"Which suggestion fixed it?", asked in the chat once an incident resolves.</summary>
    public static string WhatFixedText(string alertName, IReadOnlyList<MatchDto> suggestions)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"✅ 已解决 Resolved: {alertName}\n哪个建议修好了？ Which suggestion fixed it?\n");
        for (var i = 0; i < suggestions.Count; i++) text.Append(CultureInfo.InvariantCulture, $"   {i + 1}. {suggestions[i].Title}\n");
        return Clip(text.ToString().TrimEnd(), MaxChatChars);
    }

    public static string WhatFixedByText(int count) =>
        count == 1 ? "回复 1 · reply 1" : string.Create(CultureInfo.InvariantCulture, $"回复 1-{count} · reply with the number 1-{count}");

    public static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
