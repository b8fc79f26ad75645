using ScottPlot;
using SkiaSharp;

namespace Jiedan.Reporting.Fonts;

/// <summary>Lets ScottPlot find the CJK font by its family name, loaded from its file rather than from the system.</summary>
internal sealed class CjkFontResolver(CjkTypefaces faces) : IFontResolver
{
    private static readonly Lock RegistrationLock = new();
    private static bool Registered;

    /// <summary>Registers the resolver once per process; returns the family name to give ScottPlot, or null without a CJK font.</summary>
    public static string? EnsureRegistered()
    {
        var faces = CjkFont.Typefaces;
        if (faces is null)
            return null;
        lock (RegistrationLock)
        {
            if (!Registered)
            {
                ScottPlot.Fonts.FontResolvers.Insert(0, new CjkFontResolver(faces));
                // Labels ScottPlot creates internally (legend items, axis-line labels) take the default family.
                ScottPlot.Fonts.Default = faces.FamilyName;
                ScottPlot.Fonts.Sans = faces.FamilyName;
                Registered = true;
            }
        }
        return faces.FamilyName;
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        if (!string.Equals(fontName, faces.FamilyName, StringComparison.OrdinalIgnoreCase))
            return null;
        // ScottPlot caches typefaces for the life of the process and never disposes them, so sharing ours is safe.
        return bold ? faces.Bold : faces.Regular;
    }
}
