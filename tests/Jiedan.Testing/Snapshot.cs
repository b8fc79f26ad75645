using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace Jiedan.Testing;

/// <summary>
/// Golden files: the expected output of a command, document or report is stored next to the test that states it, in a
/// <c>__snapshots__</c> folder, and compared whole. <c>JIEDAN_UPDATE_SNAPSHOTS=1</c> rewrites the files instead (then
/// review the diff and commit). A missing file fails the test and is written as <c>.new</c> beside it.
/// </summary>
public static partial class Snapshot
{
    public const string UpdateVariable = "JIEDAN_UPDATE_SNAPSHOTS";

    /// <param name="name">The file name in <c>__snapshots__</c>, with its extension (.txt, .json, .md, .html).</param>
    /// <param name="replacements">Volatile text (temporary paths, ports) to replace by stable placeholders first.</param>
    public static void Match(string actual, string name, IReadOnlyDictionary<string, string>? replacements = null,
        [CallerFilePath] string testFile = "")
    {
        var normalised = Normalise(actual, replacements);
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__");
        var path = Path.Combine(folder, name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, normalised);
            return;
        }
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path + ".new", normalised);
            Assert.Fail($"no snapshot {path}: the output is in {name}.new; review it and run with {UpdateVariable}=1 to accept");
        }
        Assert.Equal(File.ReadAllText(path), normalised);
    }

    private static string Normalise(string text, IReadOnlyDictionary<string, string>? replacements)
    {
        text = text.ReplaceLineEndings("\n");
        foreach (var (from, to) in replacements ?? new Dictionary<string, string>())
            text = text.Replace(from, to, StringComparison.Ordinal);
        return TemporaryPath().Replace(text, "<tmp>");
    }

    [GeneratedRegex(@"/tmp/jiedan-[A-Za-z0-9._-]+")]
    private static partial Regex TemporaryPath();
}
