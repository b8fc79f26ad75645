using System.Globalization;

namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>
/// How much each asset counts in the conversion estimate. Strict: each weight is finite and ≥ 0 and the three sum to
/// 1 within <see cref="SumTolerance"/>; anything else throws <see cref="ArgumentException"/> naming the field (lower case,
/// as the API and CLI call it). <see cref="Normalise"/> is the explicit way to scale non-negative figures to a sum of 1.
/// </summary>
public sealed record ConversionWeights
{
    public const double SumTolerance = 1e-6;

    public ConversionWeights(double proposal, double repository, double demo)
    {
        if (Problem(proposal, repository, demo) is { } problem) throw new ArgumentException(problem.Message, problem.Field);
        (Proposal, Repository, Demo) = (proposal, repository, demo);
    }

    public double Proposal { get; }
    public double Repository { get; }
    public double Demo { get; }

    /// <summary>Seed 2.4: clients weigh the proposal 0.28, the GitHub profile 0.35 and a running demo 0.37.</summary>
    public static ConversionWeights Seed { get; } = new(0.28, 0.35, 0.37);

    public double Of(string asset) => asset switch
    {
        ConversionAssets.Proposal => Proposal,
        ConversionAssets.Repository => Repository,
        ConversionAssets.Demo => Demo,
        _ => throw new ArgumentOutOfRangeException(nameof(asset), asset, "unknown asset"),
    };

    /// <summary>The first field that breaks the rule, with the reason; null when the three make valid weights.</summary>
    public static (string Field, string Message)? Problem(double proposal, double repository, double demo)
    {
        foreach (var (field, value) in Named(proposal, repository, demo))
        {
            if (!double.IsFinite(value)) return (field, $"{field} must be a finite number");
            if (value < 0) return (field, $"{field} must not be negative");
        }
        var sum = proposal + repository + demo;
        return Math.Abs(sum - 1) > SumTolerance
            ? ("weights", $"proposal + repository + demo must be 1 (±{SumTolerance.ToString(CultureInfo.InvariantCulture)}), " +
                $"not {sum.ToString("0.######", CultureInfo.InvariantCulture)}")
            : null;
    }

    /// <summary>Scales non-negative figures to sum to 1; null when they are all zero (nothing to share out).</summary>
    public static ConversionWeights? Normalise(double proposal, double repository, double demo)
    {
        foreach (var (field, value) in Named(proposal, repository, demo))
        {
            if (!double.IsFinite(value) || value < 0) throw new ArgumentException($"{field} must be finite and not negative", field);
        }
        var sum = proposal + repository + demo;
        if (sum <= 0) return null;
        var (p, r) = (proposal / sum, repository / sum);
        return new ConversionWeights(p, r, Math.Max(0, 1 - p - r));
    }

    private static (string, double)[] Named(double proposal, double repository, double demo) =>
        [(ConversionAssets.Proposal, proposal), (ConversionAssets.Repository, repository), (ConversionAssets.Demo, demo)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"proposal {Proposal:0.###}, repository {Repository:0.###}, demo {Demo:0.###}");
}
