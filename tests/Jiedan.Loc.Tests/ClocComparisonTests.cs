using System.Text.RegularExpressions;

namespace Jiedan.Loc.Tests;

/// <summary>
/// Compares Jiedan with the installed cloc (Debian's cloc 1.96, the reference) on two real trees: Go's standard
/// library (Debian golang-1.19-src) and Python's (Debian libpython3.11-stdlib). cloc runs once per tree.
/// The cloc-compatible mode must match cloc exactly; the default (exact) mode may differ only by the deltas
/// listed and explained below, to the line.
/// </summary>
public class ClocComparisonTests(ClocComparisonTests.Trees trees) : IClassFixture<ClocComparisonTests.Trees>
{
    private const string GoRoot = "/usr/share/go-1.19/src";
    private const string PythonRoot = "/usr/lib/python3.11";

    /// <summary>
    /// cloc's comment regexes backtrack for minutes on these files (large tables of strings), and its per-file
    /// timeout then reports every line of them as a comment — not a count. They are left out on both sides.
    /// Every other file gets a generous timeout, so that a busy machine cannot change cloc's answer.
    /// </summary>
    private const string ClocTimeout = "--timeout=60";

    private static readonly Regex ClocPathological = new(@"^(tables(9|10|11|12|13)\.0\.0\.go|webcomponents\.min\.js)$");

    public sealed record TreeRun(string Name, IReadOnlyDictionary<string, Cloc.FileCount> Cloc, IReadOnlySet<string> Excluded,
        LocReport Compatible, LocReport Exact);

    /// <summary>Runs cloc and both Jiedan modes once per tree, for all tests of this class.</summary>
    public sealed class Trees
    {
        private readonly Lazy<TreeRun> _go = new(() =>
            Run("Go standard library", GoRoot, ClocTimeout, $"--not-match-f={ClocPathological}"));
        private readonly Lazy<TreeRun> _python = new(() => Run("Python standard library", PythonRoot, ClocTimeout));

        public TreeRun Go => _go.Value;
        public TreeRun Python => _python.Value;

        private static TreeRun Run(string name, string root, params string[] clocArguments)
        {
            var (cloc, timedOut) = Tests.Cloc.Run(root, clocArguments);
            Assert.True(timedOut.Count == 0,
                $"cloc gave up on {string.Join(", ", timedOut)} even with {ClocTimeout}: its counts for them would be wrong");
            var compatible = LocCounter.Count(root, LocOptions.LikeCloc);
            var exact = LocCounter.Count(root, LocOptions.LikeCloc with { ClocCompatible = false });
            // cloc follows links out of the tree (Debian's python3.11/sitecustomize.py -> /etc/python3.11/…); Jiedan does not, by design.
            var linkedOut = compatible.Skipped.Where(s => s.Reason == "symbolic link to outside the tree (not followed)").Select(s =>
                s.Path);
            var excluded = compatible.Files.Select(f => f.Path).Where(p => ClocPathological.IsMatch(Path.GetFileName(p)))
                .Concat(linkedOut).ToHashSet(StringComparer.Ordinal);
            return new TreeRun(name, cloc, excluded, compatible, exact);
        }
    }

    [Fact]
    public void Compatible_mode_matches_cloc_on_the_Go_standard_library() => AssertMatchesCloc(RequireTree(GoRoot, () => trees.Go));

    [Fact]
    public void Compatible_mode_matches_cloc_on_the_Python_standard_library() =>
        AssertMatchesCloc(RequireTree(PythonRoot, () => trees.Python));

    /// <summary>
    /// Exact mode minus cloc, per language as (blank, comment, code), on Go 1.19.8's src/ (Debian 1.19.8-2):
    /// <list type="bullet">
    /// <item>Go: comment markers inside string literals (raw strings holding Go source, as in
    /// cmd/compile/internal/syntax/scanner_test.go; HTTP headers such as "Accept: */*" in net/http/serve_test.go;
    /// globs like "*/" in path/filepath/match_test.go) that cloc strips as comments; and `// … \` comments in
    /// syscall/zsysnum_*.go, whose trailing backslash makes cloc's C++ regex swallow the next line's newline,
    /// so two code lines count as one. Each moves lines from comment to code; the blank count is untouched.</item>
    /// <item>Assembly: a blank line right after a line ending in `\` (inside #define macros), which cloc's blank
    /// filter keeps and then counts as code (crypto/aes/gcm_arm64.s, crypto/internal/nistec/p256_asm_ppc64le.s,
    /// crypto/internal/nistec/p256_asm_s390x.s, runtime/asm_arm64.s: one each).</item>
    /// <item>Bourne Shell: `#` lines inside here-documents, which are text, not shell comments
    /// (crypto/internal/boring/build.sh writes C source, `#include` and `#define` lines, and assembly with `#` comments
    /// through `cat &lt;&lt;EOF`): 18 lines from comment to code.</item>
    /// </list>
    /// </summary>
    private static readonly Dictionary<string, (long Blank, long Comment, long Code)> GoExactDeltas = new()
    {
        ["Assembly"] = (4, 0, -4),
        ["Bourne Shell"] = (0, -18, 18),
        ["Go"] = (0, -4206, 4206),
    };

    /// <summary>
    /// Exact mode minus cloc on Python 3.11's standard library (Debian libpython3.11-stdlib):
    /// <list type="bullet">
    /// <item>Python: cloc turns every """ or ''' into /* or */ alternately, even inside '…' or "…" strings, so a
    /// quote such as '"""' opens a "docstring" that runs to the next triple quote (pydoc_data/topics.py holds
    /// thousands of lines of help text in one-line strings with """ inside: 5,601 lines; pydoc.py tests
    /// `line[:4] == 'r"""'`, which flips cloc's docstring state for the rest of the file: 1,678 lines; cgi.py,
    /// pickletools.py, email/mime/*.py, tomllib/_parser.py, doctest.py similar, in either direction);
    /// and cloc counts every line containing /* or */ as a comment (e.g. glob patterns). Net: lines move from
    /// comment to code; the blank count is untouched.</item>
    /// <item>make: blank lines after a line ending in `\` in config-3.11-x86_64-linux-gnu/Makefile, which cloc
    /// counts as code.</item>
    /// </list>
    /// </summary>
    private static readonly Dictionary<string, (long Blank, long Comment, long Code)> PythonExactDeltas = new()
    {
        ["Python"] = (0, -7776, 7776),
        ["make"] = (4, 0, -4),
    };

    [Fact]
    public void Exact_mode_differs_from_cloc_on_the_Go_standard_library_only_as_explained() =>
        AssertExplainedDeltas(RequireTree(GoRoot, () => trees.Go), "golang-1.19-src", "1.19.8-2", GoExactDeltas);

    [Fact]
    public void Exact_mode_differs_from_cloc_on_the_Python_standard_library_only_as_explained() =>
        AssertExplainedDeltas(RequireTree(PythonRoot, () => trees.Python), "libpython3.11-stdlib", "3.11.2-6+deb12u6", PythonExactDeltas);

    private static TreeRun RequireTree(string root, Func<TreeRun> run)
    {
        Assert.True(Cloc.IsInstalled, Cloc.InstallHint);
        Assert.True(Directory.Exists(root),
            $"{root} is missing: install Debian's golang-1.19-src and libpython3.11-stdlib (scripts/test.sh does).");
        return run();
    }

    private static void AssertMatchesCloc(TreeRun tree)
    {
        var cloc = ClocTotals(tree);
        var unknown = cloc.Keys.Where(l => Languages.LanguageTable.All.All(j => j.Name != l)).ToList();
        Assert.True(unknown.Count == 0, $"cloc found languages Jiedan does not define: {string.Join(", ", unknown)}");

        var expected = Lines(cloc);
        var actual = Lines(OurTotals(tree.Compatible, tree.Excluded));
        Assert.Equal(expected, actual);
    }

    private static void AssertExplainedDeltas(TreeRun tree, string package, string version, Dictionary<string,
        (long Blank, long Comment, long Code)> explained)
    {
        var installed = Cloc.DebianPackageVersion(package);
        Assert.True(installed == version,
            $"the explained deltas are for {package} {version}, the machine has {installed ?? "no such package"}: "
            + "re-check and update them");

        var cloc = ClocTotals(tree);
        var ours = OurTotals(tree.Exact, tree.Excluded);
        var deltas = ours
            .Select(o => (o.Key,
                Delta: (o.Value.Blank - cloc[o.Key].Blank, o.Value.Comment - cloc[o.Key].Comment, o.Value.Code - cloc[o.Key].Code)))
            .Where(d => d.Delta != (0, 0, 0))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => $"{d.Key}: {d.Delta}");
        Assert.Equal(explained.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {d.Value}"), deltas);
        Assert.Equal(Lines(cloc).Select(l => l.Split(' ')[0..2]),
            Lines(ours).Select(l => l.Split(' ')[0..2]));
    }

    private static Dictionary<string, (long Files, long Blank, long Comment, long Code)> ClocTotals(TreeRun tree) =>
        Sum(tree.Cloc.Where(f => !tree.Excluded.Contains(f.Key)).Select(f =>
            (f.Value.Language, f.Value.Blank, f.Value.Comment, f.Value.Code)));

    private static Dictionary<string,
        (long Files, long Blank, long Comment, long Code)> OurTotals(LocReport report, IReadOnlySet<string> excluded) =>
        Sum(report.Files.Where(f => !excluded.Contains(f.Path)).Select(f => (f.Language, f.Lines.Blank, f.Lines.Comment, f.Lines.Code)));

    private static Dictionary<string,
        (long Files, long Blank, long Comment, long Code)> Sum(IEnumerable<(string Language, long Blank, long Comment, long Code)> files) =>
        files.GroupBy(f => f.Language).ToDictionary(g => g.Key, g =>
            ((long)g.Count(), g.Sum(f => f.Blank), g.Sum(f => f.Comment), g.Sum(f => f.Code)));

    private static List<string> Lines(IEnumerable<KeyValuePair<string, (long Files, long Blank, long Comment, long Code)>> totals) =>
        totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
            $"{t.Key.Replace(' ', '_')} {t.Value.Files} {t.Value.Blank} {t.Value.Comment} {t.Value.Code}").ToList();
}
