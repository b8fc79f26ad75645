namespace Jiedan.Domain.Quote;

/// <summary>
/// How the blended effort compares with the COCOMO cross-check. They rest on different assumptions — the blend on
/// function points and code size times a productivity calibrated on the user's own history, COCOMO on generic
/// industry parameters from the line count alone — so a gap beyond <see cref="Threshold"/>× is worth a word on the quote.
/// </summary>
public sealed record CrossCheck(double BlendedHours, double CocomoHours)
{
    public const double Threshold = 2.0;

    /// <summary>COCOMO hours over blended hours: 10 means COCOMO expects ten times the effort.</summary>
    public double Ratio => CocomoHours / BlendedHours;

    /// <summary>The larger over the smaller, whichever side is higher.</summary>
    public double Factor => Math.Max(Ratio, 1 / Ratio);

    public bool Disagrees => Factor > Threshold;

    public static CrossCheck? Of(double blendedHours, CocomoEstimate? cocomo) =>
        cocomo is { EffortHours: > 0 } c && blendedHours > 0 ? new CrossCheck(blendedHours, c.EffortHours) : null;
}
