namespace Jiedan.Domain.Parsing;

/// <summary>
/// Caps for one YAML document. With aliases refused, parsing cost is linear in the document, so these bound time and
/// memory too: a 606-byte billion-laughs spec is refused at its first anchor instead of expanding for a minute.
/// </summary>
public sealed record YamlLimits
{
    public int MaxChars { get; init; } = 1024 * 1024;
    public int MaxDepth { get; init; } = 32;
    public int MaxNodes { get; init; } = 100_000;
    public int MaxScalarChars { get; init; } = 64 * 1024;

    /// <summary>Hand-written configuration (quote specs, gate policies, calendars): far below any of these.</summary>
    public static YamlLimits Default { get; } = new();
}
