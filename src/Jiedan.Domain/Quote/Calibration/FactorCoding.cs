namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// How a factor column enters the model. A column whose every level is a COCOMO rating (vl, l, n, h, vh, xh) is
/// ordinal: one coefficient per step of the scale, so each step multiplies effort by the same ratio (the shape of
/// COCOMO's own effort multipliers) and a rating the history never saw still gets its multiplier. Any other column
/// is nominal: one coefficient per level against the most frequent one.
/// </summary>
public static class FactorCoding
{
    /// <summary>The rating scale, very low to extra high; nominal ("n") is the reference, multiplier 1.</summary>
    public static readonly IReadOnlyList<string> Ratings = ["vl", "l", "n", "h", "vh", "xh"];

    private const int NominalRank = 2;

    public static bool IsOrdinal(IEnumerable<string> levels) => levels.All(l => RankOf(l) is not null);

    /// <summary>Steps from nominal: vl −2, l −1, n 0, h 1, vh 2, xh 3; null if the level is not a rating.</summary>
    public static int? RankOf(string level)
    {
        for (var i = 0; i < Ratings.Count; i++)
            if (string.Equals(Ratings[i], level.Trim(), StringComparison.OrdinalIgnoreCase)) return i - NominalRank;
        return null;
    }
}
