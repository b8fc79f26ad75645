namespace Jiedan.Loc.Tests;

/// <summary>In the cloc-compatible mode every corpus file counts exactly as the installed cloc counts it.</summary>
public class ClocCorpusTests
{
    [Fact]
    public void Compatible_mode_matches_cloc_on_every_corpus_file()
    {
        Assert.True(Cloc.IsInstalled, Cloc.InstallHint);
        var (cloc, _) = Cloc.Run(Corpus.Directory, "--skip-uniqueness");

        var ours = LocCounter.Count(Corpus.Directory, LocOptions.LikeCloc with { Dedupe = false }, TestContext.Current.CancellationToken);

        Assert.Equal(
            cloc.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
                $"{f.Key} {f.Value.Language} {f.Value.Blank}/{f.Value.Comment}/{f.Value.Code}"),
            ours.Files.Select(f => $"{f.Path} {f.Language} {f.Lines.Blank}/{f.Lines.Comment}/{f.Lines.Code}"));
    }
}
