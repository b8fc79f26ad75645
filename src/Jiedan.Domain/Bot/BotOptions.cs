namespace Jiedan.Domain.Bot;

/// <summary>
/// How the bot decides that a chat message is a requirement, and how long a client has to confirm one.
/// Bound from configuration <c>Bots:Confirmation</c>; the defaults cover Chinese and English.
/// </summary>
public sealed class BotOptions
{
    public static readonly string[] DefaultKeywords =
    [
        "需求", "开发", "做一个", "实现", "功能", "验收", "预算", "工期", "截止", "交付", "报价",
        "requirement", "need", "build", "develop", "implement", "feature", "acceptance", "budget", "deadline", "deliver", "quote",
    ];

    public IList<string> Keywords { get; set; } = [.. DefaultKeywords];

    /// <summary>How many distinct keywords must appear; two keeps "I need help" out of the confirmation flow.</summary>
    public int MinimumKeywordMatches { get; set; } = 2;

    /// <summary>A confirmation nobody answered within this time expires.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);

    public bool IsRequirement(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var matches = 0;
        foreach (var keyword in Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.OrdinalIgnoreCase))
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase) && ++matches >= MinimumKeywordMatches) return true;
        return false;
    }
}
