using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Conversion;

namespace Jiedan.Credibility.Conversion;

/// <summary>One stored scoring of a deal, with the estimate and the recommendations its weights give.</summary>
public sealed record DealScoring(long Id, long DealId, DateTime CreatedAtUtc, AssetScore Proposal, AssetScore Repository,
    AssetScore Demo, ConversionEstimate Estimate, string? Notes);

/// <summary>The weights in force: the newest adopted row, or the seed's when none was adopted (<see cref="SinceUtc"/> null).</summary>
public sealed record WeightsInForce(ConversionWeights Weights, string Source, DateTime? SinceUtc, int? FittedDeals, double? Brier)
{
    public const string SeedSource = "seed";
    public const string FittedSource = "fitted";
    public const string ManualSource = "manual";
    public static IReadOnlyList<string> Sources { get; } = [SeedSource, FittedSource, ManualSource];

    public static WeightsInForce Seed { get; } = new(ConversionWeights.Seed, SeedSource, null, null, null);
}
