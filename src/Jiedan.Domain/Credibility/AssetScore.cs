namespace Jiedan.Domain.Credibility;

/// <summary>
/// An asset's score, 0–100: the weighted share of its checks that pass. Each failing check would add
/// <see cref="PointsOf"/> points if fixed, which is what recommendations rank by.
/// </summary>
public sealed record AssetScore(int Score, IReadOnlyList<CredibilityCheck> Checks)
{
    public static AssetScore FromChecks(IReadOnlyList<CredibilityCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var total = checks.Sum(c => c.Weight);
        if (total <= 0) return new AssetScore(0, checks);
        var passed = checks.Where(c => c.Passed).Sum(c => c.Weight);
        return new AssetScore((int)Math.Round(100 * passed / total, MidpointRounding.AwayFromZero), checks);
    }

    /// <summary>The points (0–100 scale) the asset's score gains when <paramref name="check"/> passes.</summary>
    public double PointsOf(CredibilityCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var total = Checks.Sum(c => c.Weight);
        return check.Passed || total <= 0 ? 0 : 100 * check.Weight / total;
    }
}
