using System.Diagnostics;
using System.Globalization;
using Jiedan.Loc.Counting;
using Jiedan.Loc.Languages;

// Usage: jiedan-loc-counting TREE [ROUNDS]
if (args.Length is < 1 or > 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: jiedan-loc-counting TREE [ROUNDS]");
    return 2;
}
var rounds = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var files = Directory.EnumerateFiles(args[0], "*.go", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
    .Select(File.ReadAllBytes).ToList();
var bytes = files.Sum(f => (long)f.Length);
var go = LanguageTable.Get("Go");
Console.WriteLine($"{files.Count} .go files, {bytes / 1e6:F1} MB in memory");
foreach (var like in new[] { false, true })
{
    // As FileCounter compiles it.
    var grammar = like ? go.Syntax! with { BackslashContinuation = go.EndOfLineContinuation is not null } : go.Syntax!;
    var syntax = new CompiledSyntax(grammar, like);
    var totals = Count(files, syntax); // warm-up, and the totals to check against jiedan-loc
    var perRound = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var again = Count(files, syntax);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        if (again != totals) throw new InvalidOperationException("counts differ between rounds");
        perRound.Add(bytes / cpu / 1e9);
    }
    perRound.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{(like ? "--cloc-compat" : "default      ")}: blank {totals.Blank}, comment {totals.Comment}, code {totals.Code}; " +
        $"{perRound[perRound.Count / 2]:F2} GB/s CPU per core (median of {rounds}; min {perRound[0]:F2}, max {perRound[^1]:F2})"));
}
return 0;

static (long Blank, long Comment, long Code) Count(List<byte[]> files, CompiledSyntax syntax)
{
    long blank = 0, comment = 0, code = 0;
    foreach (var file in files)
    {
        var counts = LineClassifier.Count(file, syntax);
        blank += counts.Blank;
        comment += counts.Comment;
        code += counts.Code;
    }
    return (blank, comment, code);
}
