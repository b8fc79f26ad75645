using System.Globalization;
using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Quote;

/// <summary>
/// The three-layer estimate: size and function points each become hours through their productivity model; the SLA
/// layer is the functional baseline (the mean of the layers present) times the tier's multiplier; the blend is
/// rounded to 0.1 h and priced at the low, middle and high of the rate band times the risk premium.
/// </summary>
public static class QuoteCalculator
{
    /// <exception cref="ArgumentException">neither a line count nor any function point was given.</exception>
    public static ComputedQuote Compute(QuoteInputs inputs)
    {
        var f = inputs.Factors;
        var layers = new List<(QuoteLayer Layer, double Measure, string Unit, LayerHours Hours, string Formula)>();
        if (inputs.EffectiveLines is > 0 and var lines)
        {
            var h = f.Size.Hours(lines, inputs.FactorLevels);
            layers.Add((QuoteLayer.Size, lines, "lines", h, Describe(f.Size, "lines", h)));
        }
        if (inputs.FunctionPoints.Total > 0)
        {
            var h = f.FunctionPoints.Hours(inputs.FunctionPoints.Total, inputs.FactorLevels);
            layers.Add((QuoteLayer.FunctionPoints, inputs.FunctionPoints.Total, "FP", h, Describe(f.FunctionPoints, "FP", h)));
        }
        if (layers.Count == 0)
            throw new ArgumentException("a quote needs a size (lines or a repository) or at least one function point", nameof(inputs));

        var tier = inputs.TierPolicy.TierOf(inputs.Sla);
        var baseline = layers.Average(l => l.Hours.Hours);
        var slaMultiplier = f.SlaMultipliers[tier];
        layers.Add((QuoteLayer.Sla, baseline, "h baseline", new LayerHours(baseline * slaMultiplier, []),
            $"{Num(baseline)} h baseline × {Num(slaMultiplier)} ({tier})"));

        var present = layers.Sum(l => inputs.Weights.Of(l.Layer));
        if (present == 0) throw new ArgumentException("the weights of the layers present are all zero", nameof(inputs));
        var estimates = layers.Select(l =>
        {
            var nominal = inputs.Weights.Of(l.Layer);
            var weight = nominal / present;
            return new LayerEstimate(l.Layer, l.Measure, l.Unit, l.Hours.Hours, nominal, weight, (double)weight * l.Hours.Hours, l.Formula,
                l.Hours.Factors);
        }).ToList();
        var effort = Math.Round(estimates.Sum(e => e.WeightedHours), 1, MidpointRounding.AwayFromZero);

        var premium = RiskPremium.Of(tier, inputs.TechDebt);
        var rate = inputs.Rate;
        var hours = (decimal)effort;
        var price = new PriceRange(
            (rate.Low * (hours * premium)).Rounded(),
            (rate.Mid * (hours * premium)).Rounded(),
            (rate.High * (hours * premium)).Rounded());

        var cocomo = inputs.EffectiveLines is > 0 ? CocomoEstimate.Organic(inputs.EffectiveLines.Value, inputs.HoursPerPersonMonth) : null;
        var breakdown = new QuoteBreakdown(estimates, effort, tier, RiskPremium.TierBase(tier), inputs.TechDebt.Percent, premium, rate,
            f.Source, f.Size.Accuracy, f.FunctionPoints.Accuracy);
        return new ComputedQuote(inputs, breakdown, price, cocomo, inputs.IssuedOn.AddDays(inputs.ValidityDays));
    }

    private static string Describe(LayerModel model, string unit, LayerHours h)
    {
        var size = model.Exponent == 1.0 ? unit : $"{unit}^{Num(model.Exponent)}";
        var factors = string.Concat(h.Factors.Select(a => $" × {Num(a.Multiplier)} ({a.Factor}={a.Level})"));
        return $"{Num(model.Coefficient)} h × {size}{factors}";
    }

    private static string Num(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
