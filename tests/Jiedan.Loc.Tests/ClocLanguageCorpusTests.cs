namespace Jiedan.Loc.Tests;

/// <summary>
/// One file (at least) per language of cloc 1.96 under corpus/languages/: samples written for the test by
/// scripts/loc-corpus-samples.py, hand-written files for the ambiguous extensions and small real files from Debian packages.
/// The installed cloc counts them; the cloc-compatible mode must agree on every file's language and counts.
/// </summary>
public class ClocLanguageCorpusTests
{
    private static string Root => Path.Combine(Corpus.Directory, "languages");

    /// <summary>Entries of cloc's table that no file can be counted as, and why.</summary>
    private static readonly Dictionary<string, string> Unreachable = new(StringComparer.Ordinal)
    {
        ["PHP/Pascal"] = "names the ambiguous extension .inc, resolved to PHP or Pascal by content",
        ["Pascal/Puppet"] = "names the ambiguous extension .pp, resolved to Pascal or Puppet by content",
        ["Raku/Prolog"] = "names the ambiguous extension .p6, resolved to Raku or Prolog by content",
        ["Ant/XML"] = "names the file build.xml, resolved to Ant or XML by content",
        ["Maven/XML"] = "names the file pom.xml, resolved to Maven or XML by content",
        ["Crystal Reports"] = "cloc 1.96 defines its filters but maps no extension, file name or #! interpreter to it",
        ["Teamcenter def"] = "cloc 1.96 defines its filters but maps no extension, file name or #! interpreter to it",
    };

    [Fact]
    public void Compatible_mode_matches_cloc_file_by_file_on_every_language()
    {
        var (cloc, ours) = CountBoth();

        var expected = cloc.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key} {f.Value.Language} {f.Value.Blank}/{f.Value.Comment}/{f.Value.Code}").ToList();
        var actual = ours.Files.Select(f => $"{f.Path} {f.Language} {f.Lines.Blank}/{f.Lines.Comment}/{f.Lines.Code}").ToList();
        var differences = expected.Except(actual).Select(e => "cloc:   " + e).Concat(actual.Except(expected).Select(a => "jiedan: " + a))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} lines differ:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void The_corpus_holds_a_file_of_every_language_cloc_can_count()
    {
        var (cloc, _) = CountBoth();
        var counted = cloc.Values.Select(f => f.Language).ToHashSet(StringComparer.Ordinal);
        var missing = Languages.LanguageTable.All.Select(l => l.Name)
            .Where(name => !counted.Contains(name) && !Unreachable.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "no corpus file of: " + string.Join(", ", missing));
        Assert.All(Unreachable.Keys, name => Assert.DoesNotContain(name, counted));
    }

    /// <summary>
    /// Corpus files where the exact (default) mode differs from cloc, and why; every other file counts the same in both modes.
    /// </summary>
    private static readonly Dictionary<string, string> ExactModeDifferences = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Exact_mode_agrees_with_cloc_on_the_corpus_except_where_explained()
    {
        var (cloc, _) = CountBoth();
        var exact = LocCounter.Count(Root, LocOptions.LikeCloc with { Dedupe = false, ClocCompatible = false },
            TestContext.Current.CancellationToken);
        static string Counts(long blank, long comment, long code) => $"{blank}/{comment}/{code}";
        Assert.True(exact.Files.Count > 350, $"only {exact.Files.Count} corpus files counted");
        var differing = exact.Files
            .Where(f => cloc.ContainsKey(f.Path))
            .Select(f => (f.Path, Cloc: Counts(cloc[f.Path].Blank, cloc[f.Path].Comment, cloc[f.Path].Code),
                Exact: Counts(f.Lines.Blank, f.Lines.Comment, f.Lines.Code)))
            .Where(f => f.Cloc != f.Exact)
            .Select(f => $"{f.Path} cloc {f.Cloc} exact {f.Exact}")
            .ToList();
        var unexplained = differing.Where(d => !ExactModeDifferences.ContainsKey(d.Split(' ')[0])).ToList();
        Assert.True(unexplained.Count == 0, "unexplained:\n" + string.Join('\n', unexplained));
        Assert.Equal(ExactModeDifferences.Keys.Order(StringComparer.Ordinal),
            differing.Select(d => d.Split(' ')[0]).Order(StringComparer.Ordinal));
    }

    private static (Dictionary<string, Cloc.FileCount> Cloc, LocReport Ours) CountBoth()
    {
        Assert.True(Cloc.IsInstalled, Cloc.InstallHint);
        var (cloc, timedOut) = Cloc.Run(Root, "--skip-uniqueness", "--timeout=60");
        Assert.Empty(timedOut);
        return (cloc, LocCounter.Count(Root, LocOptions.LikeCloc with { Dedupe = false }, TestContext.Current.CancellationToken));
    }
}
