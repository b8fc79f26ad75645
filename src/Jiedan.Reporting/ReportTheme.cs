namespace Jiedan.Reporting;

/// <summary>Colours shared by charts, HTML and PDF so every report looks like the same product.</summary>
internal static class ReportTheme
{
    public const string Ink = "#1F2933";
    public const string Muted = "#616E7C";
    public const string Rule = "#CBD2D9";
    public const string HeaderFill = "#E4E7EB";
    public const string StripeFill = "#F5F7FA";
    public const string HighlightFill = "#FFF3E0";
    public const string Accent = "#2F5597";
    public const string Warning = "#E07B00";
    public const string Pass = "#2E7D32";
    public const string PassFill = "#E8F5E9";
    public const string Fail = "#C62828";
    public const string FailFill = "#FFEBEE";
    public const string Skipped = "#616E7C";
    public const string SkippedFill = "#F0F2F5";
    public const string ErrorFill = "#FFF3E0";

    /// <summary>Series colours, colour-blind friendly (Okabe–Ito, without orange which is kept for warnings).</summary>
    public static readonly string[] Series = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
}
