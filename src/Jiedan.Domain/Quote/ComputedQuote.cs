using Jiedan.Domain.Currencies;
using Jiedan.Domain.Rates;

namespace Jiedan.Domain.Quote;

/// <summary>A priced quote with every step that led to it, so a client can redo the arithmetic.</summary>
public sealed record ComputedQuote(QuoteInputs Inputs, QuoteBreakdown Breakdown, PriceRange Price, CocomoEstimate? Cocomo,
    DateOnly ValidUntil)
{
    /// <summary>The effort's measured interval; null when a layer in use has no calibration (the defaults measure nothing).</summary>
    public EffortRange? Range { get; init; }

    /// <summary>Low effort at the low rate, expected, high effort at the high rate (all with the premium); null without a range.</summary>
    public PriceRange? RangePrice { get; init; }

    /// <summary>The blend against COCOMO; null without a line count.</summary>
    public CrossCheck? CrossCheck { get; init; }
}

/// <summary>Low, expected and high price: the same effort and premium at the low, middle and high of the rate band.</summary>
public sealed record PriceRange(Money Low, Money Expected, Money High)
{
    public Currency Currency => Expected.Currency;
}

public sealed record QuoteBreakdown(
    IReadOnlyList<LayerEstimate> Layers,
    double EffortHours,
    SlaTier Tier,
    decimal TierBase,
    decimal TechDebtPercent,
    decimal Premium,
    MarketRate Rate,
    string FactorsSource,
    EstimationAccuracy? SizeAccuracy,
    EstimationAccuracy? FunctionPointAccuracy);

/// <summary>
/// One layer's contribution. <see cref="Weight"/> is the nominal weight rescaled over the layers that are present
/// (a quote without a line count spreads the size layer's 30 % over the other two in proportion).
/// </summary>
public sealed record LayerEstimate(
    QuoteLayer Layer,
    double Measure,
    string Unit,
    double Hours,
    decimal NominalWeight,
    decimal Weight,
    double WeightedHours,
    string Formula,
    IReadOnlyList<AppliedFactor> Factors);
