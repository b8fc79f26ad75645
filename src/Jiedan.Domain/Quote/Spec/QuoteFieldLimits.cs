namespace Jiedan.Domain.Quote.Spec;

/// <summary>
/// The longest text a stored quote may hold, in characters: checked by <see cref="QuoteSpecParser"/>, which every
/// spec goes through (API, dashboard form, CLI), so the stored spec text and its title stay within these.
/// </summary>
public static class QuoteFieldLimits
{
    public const int SpecText = 64 * 1024;
    public const int Title = 300;
    public const int Client = 200;
    public const int Factors = 32;
    public const int FactorText = 200;
    public const int Architecture = 8 * 1024;
    public const int SupportWindow = 300;
    public const int Milestones = 24;
    public const int MilestoneName = 200;
}
