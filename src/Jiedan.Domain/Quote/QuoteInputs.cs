using Jiedan.Domain.Deals;
using Jiedan.Domain.Rates;

namespace Jiedan.Domain.Quote;

/// <summary>Everything a quote is computed from, already validated. Nothing here reads a clock or a file.</summary>
public sealed record QuoteInputs(
    Platform Platform,
    SeniorityBand Band,
    MarketRate Rate,
    long? EffectiveLines,
    FunctionPointCount FunctionPoints,
    SlaTarget Sla,
    TechDebtRatio TechDebt,
    LayerWeights Weights,
    ProductivityFactors Factors,
    IReadOnlyDictionary<string, string> FactorLevels,
    DateOnly IssuedOn,
    int ValidityDays)
{
    public SlaTierPolicy TierPolicy { get; init; } = SlaTierPolicy.Default;
    public double HoursPerPersonMonth { get; init; } = CocomoEstimate.DefaultHoursPerPersonMonth;
}
