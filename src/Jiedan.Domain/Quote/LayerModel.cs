namespace Jiedan.Domain.Quote;

/// <summary>
/// Turns one layer's size into effort hours: hours = Coefficient · size^Exponent · Π multiplier(factor level).
/// The defaults are linear (Exponent 1); a calibration refits all three parts from past projects.
/// </summary>
public sealed record LayerModel(
    double Coefficient,
    double Exponent,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FactorMultipliers,
    EstimationAccuracy? Accuracy)
{
    /// <summary>The measured effort interval of a calibrated model; null for the defaults, which no history measured.</summary>
    public EffortInterval? Interval { get; init; }

    public static LayerModel Linear(double hoursPerUnit) => new(hoursPerUnit, 1.0, Empty, null);

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Empty =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>
    /// Effort for <paramref name="size"/> units. A factor the model knows but <paramref name="levels"/> does not name,
    /// or a level the history never saw, counts as the reference level (multiplier 1) and is reported as such.
    /// </summary>
    public LayerHours Hours(double size, IReadOnlyDictionary<string, string> levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var applied = new List<AppliedFactor>();
        var multiplier = 1.0;
        foreach (var (factor, byLevel) in FactorMultipliers)
        {
            var level = levels.FirstOrDefault(l => string.Equals(l.Key, factor, StringComparison.OrdinalIgnoreCase)).Value;
            if (level is not null && byLevel.TryGetValue(level, out var m))
            {
                multiplier *= m;
                applied.Add(new AppliedFactor(factor, level, m));
            }
            else applied.Add(new AppliedFactor(factor, level is null ? "(not given)" : $"{level} (not in the history)", 1.0));
        }
        return new LayerHours(Coefficient * Math.Pow(size, Exponent) * multiplier, applied);
    }
}

public sealed record LayerHours(double Hours, IReadOnlyList<AppliedFactor> Factors);

public sealed record AppliedFactor(string Factor, string Level, double Multiplier);

/// <summary>How well a model predicted projects it had not seen (leave-one-out): MMRE, MdMRE, PRED(25).</summary>
public sealed record EstimationAccuracy(int Projects, double Mmre, double MdMre, double Pred25)
{
    public override string ToString() => $"MMRE {Mmre:0.000}, MdMRE {MdMre:0.000}, PRED(25) {Pred25:0.000} (leave-one-out, n = {Projects})";
}
