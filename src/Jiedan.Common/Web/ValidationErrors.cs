namespace Jiedan.Common.Web;

/// <summary>Validation errors (field → messages, as in problem+json) as one line for a page message or the CLI.</summary>
public static class ValidationErrors
{
    /// <summary>"field: first message; …", each field after <paramref name="prefix"/> (e.g. "--" for CLI options).</summary>
    public static string Describe(IReadOnlyDictionary<string, string[]> errors, string prefix = "") =>
        string.Join("; ", errors.Select(e => $"{prefix}{e.Key}: {e.Value[0]}"));
}
