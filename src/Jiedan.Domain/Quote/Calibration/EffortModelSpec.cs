using System.Globalization;

namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// One candidate model: a regression method and the factor columns it uses. <see cref="Fit"/> refits it on a set of
/// projects: ln(hours) = b0 + b1·ln(size) + Σ factor terms (ordinal factors one term per rating step, nominal
/// factors one per level against the most frequent).
/// </summary>
public sealed record EffortModelSpec(RegressionMethod Method, IReadOnlyList<string> Factors)
{
    /// <summary>Factors whose levels are numbers on an ordered scale: one term on the number, against the most frequent level.</summary>
    public IReadOnlyList<string> NumericOrdinal { get; init; } = [];

    public string Name => Method.ToString().ToUpperInvariant() + (Factors.Count == 0 ? "" : " + " + string.Join(" + ", Factors));

    /// <exception cref="CollinearPredictorsException">the projects cannot separate the predictors.</exception>
    public LayerModel Fit(IReadOnlyList<HistoryProject> projects, Func<HistoryProject, double> sizeOf)
    {
        var columns = new List<Func<HistoryProject, double>>();
        var terms = new List<(string Factor, string? Level)>(); // Level null: the ordinal step term
        foreach (var factor in Factors)
        {
            var levels = projects.GroupBy(p => p.Factors[factor], StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            if (levels.Count < 2) continue; // no variation here: the factor cannot be estimated and counts as 1
            if (NumericOrdinal.Contains(factor, StringComparer.OrdinalIgnoreCase))
            {
                var reference = Number(levels[0]);
                columns.Add(p => Number(p.Factors[factor]) - reference);
                terms.Add((factor, null));
                continue;
            }
            if (FactorCoding.IsOrdinal(levels))
            {
                columns.Add(p => FactorCoding.RankOf(p.Factors[factor])!.Value);
                terms.Add((factor, null));
                continue;
            }
            foreach (var level in levels.Skip(1).Order(StringComparer.Ordinal))
            {
                columns.Add(p => string.Equals(p.Factors[factor], level, StringComparison.Ordinal) ? 1.0 : 0.0);
                terms.Add((factor, level));
            }
        }
        var x = projects.Select(p => new[] { 1.0, Math.Log(sizeOf(p)) }.Concat(columns.Select(c => c(p))).ToArray()).ToArray();
        var y = projects.Select(p => Math.Log(p.ActualHours)).ToArray();
        var beta = RobustRegression.Fit(x, y, Method);

        var multipliers = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var factor in Factors)
        {
            var byLevel = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var level in projects.Select(p => p.Factors[factor]).Distinct(StringComparer.Ordinal)) byLevel[level] = 1.0;
            multipliers[factor] = byLevel;
        }
        for (var k = 0; k < terms.Count; k++)
        {
            var (factor, level) = terms[k];
            var byLevel = (Dictionary<string, double>)multipliers[factor];
            if (level is not null) { byLevel[level] = Math.Exp(beta[2 + k]); continue; }
            if (NumericOrdinal.Contains(factor, StringComparer.OrdinalIgnoreCase))
            {
                var reference = Number(projects.GroupBy(p => p.Factors[factor], StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key);
                foreach (var seen in byLevel.Keys.ToList()) byLevel[seen] = Math.Exp(beta[2 + k] * (Number(seen) - reference));
                continue;
            }
            byLevel.Clear();
            foreach (var rating in FactorCoding.Ratings)
                byLevel[rating] = Math.Exp(beta[2 + k] * FactorCoding.RankOf(rating)!.Value);
        }
        return new LayerModel(Math.Exp(beta[0]), beta[1], multipliers, null);
    }

    private static double Number(string level) => double.Parse(level, NumberStyles.Float, CultureInfo.InvariantCulture);
}
