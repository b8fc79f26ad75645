namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>Bounds on a scoring submitted from outside (API body): sizes, counts and text lengths.</summary>
public static class ConversionLimits
{
    public const int BodyBytes = 256 * 1024;
    public const int ChecksPerAsset = 64;
    public const int CheckId = 64;
    public const int Evidence = 2000;
    public const int Fix = 1000;
    public const int Notes = 2000;
    public const double CheckWeight = 1000;
}
