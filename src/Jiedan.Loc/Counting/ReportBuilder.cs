namespace Jiedan.Loc.Counting;

/// <summary>Sums file results into per-language totals, keeping tests, generated and vendor code apart.</summary>
internal static class ReportBuilder
{
    public static LocReport Build(string root, IEnumerable<FileResult> results, IReadOnlyList<SkippedFile> skipped, LocOptions options,
        TimeSpan elapsed)
    {
        var files = results
            .Select(f => f with { InTotals = InTotals(f.Traits, options) })
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var inTotals = files.Where(f => f.InTotals).ToList();
        var languages = ByLanguage(inTotals);
        return new LocReport(
            root,
            languages,
            Sum("SUM", inTotals),
            ByLanguage(inTotals.Where(f => f.Traits.IsTest)
                .Concat(options.ExcludeTests ? files.Where(f => f.Traits.IsTest && !f.InTotals) : [])),
            ByLanguage(files.Where(f => f.Traits.IsGenerated)),
            ByLanguage(files.Where(f => f.Traits.IsVendor)),
            files,
            skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
            elapsed);
    }

    private static bool InTotals(FileTraits traits, LocOptions options) =>
        (!traits.IsVendor || options.IncludeVendor)
        && (!traits.IsGenerated || options.IncludeGenerated)
        && (!traits.IsTest || !options.ExcludeTests);

    private static List<LanguageTotals> ByLanguage(IEnumerable<FileResult> files) =>
        files.GroupBy(f => f.Language)
            .Select(g => Sum(g.Key, g))
            .OrderByDescending(t => t.Code).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    private static LanguageTotals Sum(string name, IEnumerable<FileResult> files)
    {
        int count = 0;
        long blank = 0, comment = 0, code = 0, bytes = 0;
        foreach (var f in files)
        {
            count++;
            blank += f.Lines.Blank;
            comment += f.Lines.Comment;
            code += f.Lines.Code;
            bytes += f.Bytes;
        }
        return new LanguageTotals(name, count, blank, comment, code, bytes);
    }
}
