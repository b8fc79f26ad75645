using Jiedan.Loc.Counting;

namespace Jiedan.Loc;

/// <summary>Files and lines of one language (or of all, named "SUM").</summary>
public sealed record LanguageTotals(string Name, int Files, long Blank, long Comment, long Code, long Bytes)
{
    public long Lines => Blank + Comment + Code;
}

/// <summary>What kind of code a file holds, besides its language.</summary>
public sealed record FileTraits(bool IsTest, bool IsVendor, bool IsGenerated);

/// <summary>One counted file.</summary>
/// <param name="Path">'/'-separated path relative to the scanned root.</param>
/// <param name="InTotals">Whether the options put this file in the totals (vendor, generated and excluded tests are not).</param>
public sealed record FileResult(string Path, string Language, LineCounts Lines, FileTraits Traits, long Bytes, bool InTotals);

/// <summary>A file or directory that was not counted, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>The result of counting a tree.</summary>
public sealed record LocReport(
    string Root,
    IReadOnlyList<LanguageTotals> Languages,
    LanguageTotals Total,
    IReadOnlyList<LanguageTotals> Tests,
    IReadOnlyList<LanguageTotals> Generated,
    IReadOnlyList<LanguageTotals> Vendor,
    IReadOnlyList<FileResult> Files,
    IReadOnlyList<SkippedFile> Skipped,
    TimeSpan Elapsed)
{
    /// <summary>Bytes of the files in the totals.</summary>
    public long Bytes => Total.Bytes;

    public LanguageTotals? Language(string name) => Languages.FirstOrDefault(l => l.Name == name);
}
