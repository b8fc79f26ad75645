using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Incidents;

/// <summary>What a chat message means for the incidents posted to that chat.</summary>
public abstract record IncidentChatCommand
{
    /// <summary>The acknowledge button of one posted notification (<c>ia:{incident}</c>).</summary>
    public sealed record AcknowledgeButton(long IncidentId) : IncidentChatCommand;

    /// <summary>"收到", "ack", "received": every open incident posted to the chat and not yet acknowledged.</summary>
    public sealed record AcknowledgeText : IncidentChatCommand;

    /// <summary>A suggestion button under "what fixed it" (<c>if:{incident}:{n}</c>).</summary>
    public sealed record FixButton(long IncidentId, int Suggestion) : IncidentChatCommand;

    /// <summary>A reply "1" to "3": the suggestion that fixed the last incident the chat was asked about.</summary>
    public sealed record FixText(int Suggestion) : IncidentChatCommand;
}

/// <summary>
/// Reads and writes the incident buttons and text answers. Button data stays far below Telegram's 64-byte limit.
/// </summary>
public static partial class IncidentChat
{
    public static string AcknowledgeData(long incidentId) => string.Create(CultureInfo.InvariantCulture, $"ia:{incidentId}");

    public static string FixData(long incidentId, int suggestion) =>
        string.Create(CultureInfo.InvariantCulture, $"if:{incidentId}:{suggestion}");

    /// <summary>Null when the message is none of the incident commands.</summary>
    public static IncidentChatCommand? ReadButton(string? data)
    {
        var parts = data?.Split(':');
        return parts switch
        {
            ["ia", var id] when Id(id) is { } i => new IncidentChatCommand.AcknowledgeButton(i),
            ["if", var id, var n] when Id(id) is { } i && Suggestion(n) is { } s => new IncidentChatCommand.FixButton(i, s),
            _ => null,
        };
    }

    public static IncidentChatCommand? ReadText(string? text)
    {
        if (text is null || text.Length > 40) return null;
        if (Acknowledge().IsMatch(text)) return new IncidentChatCommand.AcknowledgeText();
        var fix = FixNumber().Match(text);
        return fix.Success ? new IncidentChatCommand.FixText(fix.Groups["n"].Value[0] - '0') : null;
    }

    private static long? Id(string s) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? Suggestion(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= KnowledgeMatcher.Top ? v : null;

    [GeneratedRegex(@"^\s*(?:已?收到(?:了)?|ack|acknowledged?|received|roger)\s*[.!。！👍]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Acknowledge();

    [GeneratedRegex(@"^\s*(?:#|第)?(?<n>[1-3])(?:项|个)?\s*[.。]?\s*$")]
    private static partial Regex FixNumber();
}
