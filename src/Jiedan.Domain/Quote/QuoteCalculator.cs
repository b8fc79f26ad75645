using System.Globalization;
using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Quote;

/// <summary>
/// The three-layer estimate: size and function points each become hours through their productivity model; the SLA
/// layer is the functional baseline (the mean of the layers present) times the tier's multiplier; the blend is
/// rounded to 0.1 h and priced at the low, middle and high of the rate band times the risk premium. With calibrated
/// layers the effort also comes as a range (each layer at the ends of its measured interval), priced from the low
/// effort at the low rate to the high effort at the high rate.
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
        var slaMultiplier = f.SlaMultipliers[tier];
        var functional = layers.ToList();
        var baseline = functional.Average(l => l.Hours.Hours);
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

        // The blend again with each function layer's hours scaled: the SLA layer follows its (scaled) baseline.
        double Blend(Func<QuoteLayer, double> scale)
        {
            var hours = functional.Select(l => (l.Layer, Hours: l.Hours.Hours * scale(l.Layer))).ToList();
            var sla = hours.Average(h => h.Hours) * slaMultiplier;
            var total = hours.Sum(h => (double)(inputs.Weights.Of(h.Layer) / present) * h.Hours)
                + (double)(inputs.Weights.Of(QuoteLayer.Sla) / present) * sla;
            return Math.Round(total, 1, MidpointRounding.AwayFromZero);
        }
        var intervals = functional.Select(l => Model(f, l.Layer).Interval).ToList();
        var range = intervals.All(i => i is not null) && intervals.Count > 0
            ? RangeOf(intervals!, effort, Blend(l => Model(f, l).Interval!.LowRatio), Blend(l => Model(f, l).Interval!.HighRatio))
            : null;

        var premium = RiskPremium.Of(tier, inputs.TechDebt);
        var rate = inputs.Rate;
        var hoursAtRate = (decimal)effort;
        var price = new PriceRange(
            (rate.Low * (hoursAtRate * premium)).Rounded(),
            (rate.Mid * (hoursAtRate * premium)).Rounded(),
            (rate.High * (hoursAtRate * premium)).Rounded());
        var rangePrice = range is null ? null : new PriceRange(
            (rate.Low * ((decimal)range.Low * premium)).Rounded(),
            price.Expected,
            (rate.High * ((decimal)range.High * premium)).Rounded());

        var cocomo = inputs.EffectiveLines is > 0 ? CocomoEstimate.Organic(inputs.EffectiveLines.Value, inputs.HoursPerPersonMonth) : null;
        var breakdown = new QuoteBreakdown(estimates, effort, tier, RiskPremium.TierBase(tier), inputs.TechDebt.Percent, premium, rate,
            f.Source, f.Size.Accuracy, f.FunctionPoints.Accuracy);
        return new ComputedQuote(inputs, breakdown, price, cocomo, inputs.IssuedOn.AddDays(inputs.ValidityDays))
        {
            Range = range,
            RangePrice = rangePrice,
            CrossCheck = CrossCheck.Of(effort, cocomo),
        };
    }

    private static LayerModel Model(ProductivityFactors f, QuoteLayer layer) => layer == QuoteLayer.Size ? f.Size : f.FunctionPoints;

    private static EffortRange RangeOf(IReadOnlyList<EffortInterval> intervals, double effort, double low, double high)
    {
        var weakest = intervals.MinBy(i => i.Coverage)!;
        return new EffortRange(low, effort, high, weakest.Nominal, weakest.Coverage, weakest.Projects);
    }

    private static string Describe(LayerModel model, string unit, LayerHours h)
    {
        var size = model.Exponent == 1.0 ? unit : $"{unit}^{Num(model.Exponent)}";
        var factors = string.Concat(h.Factors.Select(a => $" × {Num(a.Multiplier)} ({a.Factor}={a.Level})"));
        return $"{Num(model.Coefficient)} h × {size}{factors}";
    }

    private static string Num(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
