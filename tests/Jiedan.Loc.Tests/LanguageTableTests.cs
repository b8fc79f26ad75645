using System.Diagnostics;
using System.Text.RegularExpressions;
using Jiedan.Loc.Languages;

namespace Jiedan.Loc.Tests;

/// <summary>
/// The embedded language table (src/Jiedan.Loc/Languages/cloc-languages.tsv) against what the installed cloc prints: every
/// language of `cloc --show-lang` and every extension of `cloc --show-ext`, under the same name. Regenerate the table with
/// scripts/loc-languages-from-cloc.py when cloc changes.
/// </summary>
public partial class LanguageTableTests
{
    [GeneratedRegex(@"^(.*?)\s+\((.*)\)$")]
    private static partial Regex ShowLangLine();

    [GeneratedRegex(@"^(\S+)\s+-> (.*)$")]
    private static partial Regex ShowExtLine();

    [Fact]
    public void Every_language_of_cloc_show_lang_is_in_the_table_with_its_extensions()
    {
        var expected = ClocOutput("--show-lang").Select(l => ShowLangLine().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value.TrimEnd()}: {m.Groups[2].Value}").ToList();
        Assert.True(expected.Count > 300, $"cloc --show-lang printed {expected.Count} languages");
        var table = LanguageTable.All.ToDictionary(l => l.Name, StringComparer.Ordinal);
        var missing = expected.Select(e => e.Split(": ")[0]).Where(name => !table.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "not in the table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_extension_of_cloc_show_ext_maps_to_the_same_language()
    {
        var expected = ClocOutput("--show-ext").Select(l => ShowExtLine().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} -> {m.Groups[2].Value}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 800, $"cloc --show-ext printed {expected.Count} extensions");
        var ours = ClocData.Embedded.LanguageByExtension.Where(e => e.Value != "Brainfuck") // cloc --show-ext hides Brainfuck
            .Select(e => $"{e.Key} -> {e.Value}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void The_table_is_from_the_installed_cloc_version()
    {
        Assert.Equal(ClocOutput("--version").Single().Trim(), ClocData.Embedded.Version);
    }

    [Fact]
    public void Every_language_has_filters_and_every_filter_is_implemented()
    {
        var functions = LanguageTable.All.SelectMany(l => l.Filters).Select(f => f.Function).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string> { "x = 1\n" };
        var context = new Jiedan.Loc.Cloc.ClocFilters.Context("a.txt", []);
        foreach (var language in LanguageTable.All.Where(l => l.Filters.All(f => f.Function != "die")))
        {
            Assert.NotEmpty(language.Filters);
            foreach (var filter in language.Filters) Jiedan.Loc.Cloc.ClocFilters.Apply(filter, lines, context);
        }
        Assert.Contains("call_regexp_common", functions);
    }

    private static List<string> ClocOutput(string argument)
    {
        Assert.True(Cloc.IsInstalled, Cloc.InstallHint);
        var start = new ProcessStartInfo("cloc", [argument]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
