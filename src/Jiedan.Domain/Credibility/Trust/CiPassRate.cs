namespace Jiedan.Domain.Credibility.Trust;

/// <summary>Successful ÷ completed CI runs of the default branch, as the latest repository audit counted them.</summary>
public sealed record CiPassRate(int Successful, int Completed, DateTime MeasuredAtUtc)
{
    public const double Threshold = 0.92;

    public double Rate => Completed == 0 ? 0 : (double)Successful / Completed;

    public bool MeetsThreshold => Completed > 0 && Rate >= Threshold;
}
