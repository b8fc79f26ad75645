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
}
