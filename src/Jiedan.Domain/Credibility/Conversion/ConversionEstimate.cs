namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>A failing check worth fixing: <see cref="Gain"/> is the estimate points its fix adds (asset weight × check points).</summary>
public sealed record ConversionRecommendation(string Asset, string CheckId, string Fix, double Gain);

/// <summary>
/// The conversion estimate, 0–100: Σ weight × asset score. Recommendations list every failing check of the three
/// assets, the largest expected gain first; equal gains by check id (ordinal), then in asset order.
/// </summary>
public sealed record ConversionEstimate(double Value, ConversionWeights Weights, IReadOnlyList<ConversionRecommendation> Recommendations)
{
    public static ConversionEstimate Of(ConversionWeights weights, AssetScore proposal, AssetScore repository, AssetScore demo)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(demo);
        var assets = new[]
        {
            (ConversionAssets.Proposal, proposal), (ConversionAssets.Repository, repository), (ConversionAssets.Demo, demo),
        };
        var value = assets.Sum(a => weights.Of(a.Item1) * a.Item2.Score);
        var recommendations = assets
            .SelectMany((a, order) => a.Item2.Checks.Where(c => !c.Passed).Select(c => (Order: order,
                Rec: new ConversionRecommendation(a.Item1, c.Id, c.Fix, weights.Of(a.Item1) * a.Item2.PointsOf(c)))))
            .OrderByDescending(x => x.Rec.Gain).ThenBy(x => x.Rec.CheckId, StringComparer.Ordinal).ThenBy(x => x.Order)
            .Select(x => x.Rec).ToList();
        return new ConversionEstimate(value, weights, recommendations);
    }

    /// <summary>The estimate read as a probability of winning (seed model): value / 100.</summary>
    public static double AsProbability(ConversionWeights weights, int proposal, int repository, int demo)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return (weights.Proposal * proposal + weights.Repository * repository + weights.Demo * demo) / 100;
    }
}
