using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace Jiedan.Testing;

/// <summary>
/// Golden files: the expected output of a command, document or report is stored next to the test that states it, in a
/// <c>__snapshots__</c> folder, and compared whole. <c>JIEDAN_UPDATE_SNAPSHOTS=1</c> rewrites the files instead (then
/// review the diff and commit). A missing file fails the test and is written as <c>.new</c> beside it.
/// Before comparing, what a run cannot fix is scrubbed: temporary paths (<c>&lt;tmp&gt;</c>), dates from the day before
/// the run on, with a time of day if one follows (<c>&lt;date&gt;</c>: "now", "valid until", "as of"; fixture data is
/// dated earlier) and instants with
/// fractional seconds (<c>&lt;instant&gt;</c>: row timestamps); the chart SVG's clip-path ids, which come from a per-process
/// counter, are numbered in order of appearance.
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
        text = TemporaryPath().Replace(text, "<tmp>");
        text = Instant().Replace(text, "<instant>");
        text = StableClipIds(text);
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
        return Date().Replace(text, m =>
            DateOnly.TryParseExact(m.Value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && d >= yesterday
                ? "<date>"
                : m.Value);
    }

    private static string StableClipIds(string text)
    {
        var names = new Dictionary<string, string>();
        return ClipId().Replace(text, m =>
        {
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = $"clip-{names.Count + 1}";
            return name;
        });
    }

    [GeneratedRegex("c[0-9a-f]{8,}-cl_[0-9a-f]+")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"/tmp/jiedan-[A-Za-z0-9._-]+")]
    private static partial Regex TemporaryPath();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Instant();

    [GeneratedRegex(@"\b\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])( \d{2}:\d{2}(:\d{2})?)?\b")]
    private static partial Regex Date();
}
