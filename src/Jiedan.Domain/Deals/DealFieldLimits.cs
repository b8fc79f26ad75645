namespace Jiedan.Domain.Deals;

/// <summary>
/// The longest text each deal field may hold, in characters: the one definition the API, the dashboard forms, the CLI
/// and the import all check against (the database columns are at least this wide).
/// </summary>
public static class DealFieldLimits
{
    public const int Client = 200;
    public const int ExternalId = 64;
    public const int Notes = 10_000;
    public const int Tag = 64;
    public const int Tags = 32;
    /// <summary>A stage event's reason (the lost reason, a move's note).</summary>
    public const int Reason = 1_000;

    /// <summary>
    /// "client must be at most 200 characters", or null when <paramref name="value"/> fits. U+0000 is refused too:
    /// PostgreSQL cannot store it in text, so SQLite must not accept what a move to PostgreSQL would lose.
    /// </summary>
    public static string? Check(string field, string? value, int max) => value switch
    {
        null => null,
        { Length: var n } when n > max => $"{field} must be at most {max} characters",
        _ when value.Contains('\0', StringComparison.Ordinal) => $"{field} must not contain the NUL character (U+0000)",
        _ => null,
    };

    /// <summary>The problem with a list of tags, or null.</summary>
    public static string? CheckTags(IReadOnlyCollection<string>? tags)
    {
        if (tags is null) return null;
        if (tags.Count > Tags) return $"tags: at most {Tags} tags";
        if (tags.Any(t => t.Contains('\0', StringComparison.Ordinal))) return "tags must not contain the NUL character (U+0000)";
        return tags.Any(t => t.Length > Tag) ? $"each tag must be at most {Tag} characters" : null;
    }
}
