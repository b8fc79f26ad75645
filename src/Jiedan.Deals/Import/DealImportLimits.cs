namespace Jiedan.Deals.Import;

/// <summary>
/// Caps on one import file. The defaults are far above a real export (100,000 rows ≈ 12 MB) and far below what would
/// hurt the server; every refusal names the place and writes nothing.
/// </summary>
public sealed record DealImportLimits
{
    public long MaxBytes { get; init; } = 128L * 1024 * 1024;
    public int MaxRows { get; init; } = 1_000_000;
    /// <summary>An array of objects of values is depth 2; a little room, no more.</summary>
    public int MaxJsonDepth { get; init; } = 4;
    /// <summary>Errors listed before the rest are summarised in one line.</summary>
    public int MaxErrors { get; init; } = 100;

    public static DealImportLimits Default { get; } = new();
}
