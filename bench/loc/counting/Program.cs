using System.Runtime.InteropServices;
using System.Globalization;
using Jiedan.Loc.Counting;
using Jiedan.Loc.Languages;

// Usage: jiedan-loc-counting TREE [ROUNDS [default|cloc-compat]]
if (args.Length is < 1 or > 3 || !Directory.Exists(args[0]) || args.Length == 3 && args[2] is not ("default" or "cloc-compat"))
{
    Console.Error.WriteLine("usage: jiedan-loc-counting TREE [ROUNDS [default|cloc-compat]]");
    return 2;
}
var rounds = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
bool[] modes = args.Length == 3 ? [args[2] == "cloc-compat"] : [false, true];
var files = Directory.EnumerateFiles(args[0], "*.go", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
    .Select(File.ReadAllBytes).ToList();
var bytes = files.Sum(f => (long)f.Length);
var go = LanguageTable.Get("Go");
Console.WriteLine($"{files.Count} .go files, {bytes / 1e6:F1} MB in memory");
foreach (var like in modes)
{
    // As FileCounter compiles it.
    var grammar = like ? go.Syntax! with { BackslashContinuation = go.EndOfLineContinuation is not null } : go.Syntax!;
    var syntax = new CompiledSyntax(grammar, like);
    var totals = Count(files, syntax); // warm-up, and the totals to check against jiedan-loc
    var perRound = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        var before = CpuSeconds();
        var again = Count(files, syntax);
        var cpu = CpuSeconds() - before;
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

// Process.TotalProcessorTime counts in clock ticks (10 ms here), a quarter of one round: the process CPU clock counts in ns.
static double CpuSeconds()
{
    const int ProcessCpuTimeClock = 2; // CLOCK_PROCESS_CPUTIME_ID
    if (ClockGetTime(ProcessCpuTimeClock, out var t) != 0) throw new InvalidOperationException("clock_gettime failed");
    return t.Seconds + t.Nanoseconds / 1e9;
}

[DllImport("libc", EntryPoint = "clock_gettime")]
static extern int ClockGetTime(int clock, out TimeSpec time);

[StructLayout(LayoutKind.Sequential)]
internal struct TimeSpec
{
    public long Seconds;
    public long Nanoseconds;
}
