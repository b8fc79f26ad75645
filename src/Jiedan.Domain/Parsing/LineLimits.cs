namespace Jiedan.Domain.Parsing;

/// <summary>Caps for line-oriented evidence (go.mod, lcov, go test -json, bench output, route lists, CSV).</summary>
public sealed record LineLimits
{
    /// <summary>A test2json event carrying one long output line stays well below this.</summary>
    public int MaxLineChars { get; init; } = 1024 * 1024;
    public long MaxLines { get; init; } = 10_000_000;

    public static LineLimits Default { get; } = new();
}
