using System.Diagnostics;
using Jiedan.Loc.Walking;

namespace Jiedan.Loc.Tests;

/// <summary>.gitignore matching as gitignore(5) describes it, and in time linear in the path whatever the pattern.</summary>
public class IgnorePatternsTests
{
    [Theory]
    [InlineData("*.log", "a.log", false, true)]
    [InlineData("*.log", "deep/dir/a.log", false, true)]
    [InlineData("*.log", "a.log/x.go", false, true)] // inside an ignored directory
    [InlineData("*.log", "a.logx", false, false)]
    [InlineData("build/", "build", true, true)]
    [InlineData("build/", "build", false, false)]
    [InlineData("build/", "src/build/out.go", false, true)]
    [InlineData("/only_here.go", "only_here.go", false, true)]
    [InlineData("/only_here.go", "sub/only_here.go", false, false)]
    [InlineData("doc/*.html", "doc/a.html", false, true)]
    [InlineData("doc/*.html", "doc/sub/a.html", false, false)]
    [InlineData("doc/*.html", "x/doc/a.html", false, false)]
    [InlineData("**/foo", "a/b/foo", false, true)]
    [InlineData("**/foo", "foo", false, true)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("abc/**", "abc/x/y.go", false, true)]
    [InlineData("abc/**", "abcd/y.go", false, false)]
    [InlineData("file?.go", "file1.go", false, true)]
    [InlineData("file?.go", "file10.go", false, false)]
    [InlineData("[a-c]*.go", "b.go", false, true)]
    [InlineData("[!a-c]*.go", "b.go", false, false)]
    [InlineData("[!a-c]*.go", "d.go", false, true)]
    [InlineData("\\#hash", "#hash", false, true)]
    [InlineData("# comment", "# comment", false, false)]
    [InlineData("trailing   ", "trailing", false, true)]
    [InlineData("\\!bang", "!bang", false, true)]
    [InlineData("a*b", "a/b", false, false)]
    public void Matches_like_git(string pattern, string path, bool isDirectory, bool ignored) =>
        Assert.Equal(ignored, IgnorePatterns.Parse(pattern).IsIgnored(path, isDirectory));

    [Fact]
    public void The_last_matching_pattern_decides_but_an_ignored_directory_keeps_its_files_ignored()
    {
        var patterns = IgnorePatterns.Parse("*.go\n!keep.go\nbuild/\n!build/keep.go\n");

        Assert.True(patterns.IsIgnored("x.go", false));
        Assert.False(patterns.IsIgnored("keep.go", false));
        Assert.True(patterns.IsIgnored("build/keep.go", false));
    }

    [Fact]
    public void A_pathological_pattern_against_long_names_takes_linear_time()
    {
        // A backtracking glob matcher (the one used before) needs seconds per name for this pattern.
        var patterns = IgnorePatterns.Parse("*a*a*a*a*a*a*a*a*a*a*b\n" + string.Concat(Enumerable.Repeat("*a", 200)) + "*b\n");
        var names = Enumerable.Range(0, 200).Select(i => new string('a', 200 + i)).ToList();

        var timer = Stopwatch.StartNew();
        foreach (var name in names) Assert.False(patterns.IsIgnored("dir/" + name, false));

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"took {timer.Elapsed}");
        Assert.True(patterns.IsIgnored(new string('a', 300) + "b", false));
    }

    [Fact]
    public void Unusable_lines_are_skipped_not_thrown()
    {
        var patterns = IgnorePatterns.Parse("[unclosed\n[z-a]\n" + new string('*', IgnorePattern.MaxLength + 1) + "\n\n!\n/\n");

        Assert.True(patterns.IsIgnored("[unclosed", false));
        Assert.False(patterns.IsIgnored("m", false));
    }
}
