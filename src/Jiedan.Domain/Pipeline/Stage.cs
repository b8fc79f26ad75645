namespace Jiedan.Domain.Pipeline;

/// <summary>One stage of the sales pipeline, with its names and the threshold past which a deal counts as blocked.</summary>
public sealed record Stage(string Key, string English, string Chinese, int BlockedAfterBusinessDays = 5)
{
    public string Label(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
