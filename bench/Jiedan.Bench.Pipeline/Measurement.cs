using System.Diagnostics;
using System.Globalization;

namespace Jiedan.Bench.Pipeline;

/// <summary>
/// Wall-clock timings of repeated runs (a warm-up first, not counted), and the CPU time this process spent in them
/// (the database server's own CPU is not in it): on a shared machine the wall clock also counts other processes' turns.
/// </summary>
public sealed record Timings(IReadOnlyList<double> Milliseconds, IReadOnlyList<double> CpuMilliseconds)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double CpuMedian => new Timings(CpuMilliseconds, CpuMilliseconds).Median;
    public double Min => Milliseconds.Min();
    public double Max => Milliseconds.Max();

    public static async Task<Timings> MeasureAsync(int runs, Func<Task> run, bool warmUp = true)
    {
        if (warmUp) await run();
        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        return new Timings(times, cpu);
    }
}

/// <summary>One figure for the table bench/pipeline/run.sh prints: a tab-separated line starting with RESULT.</summary>
public static class Results
{
    public static double PeakWorkingSetMiB
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public static void Print(string database, string benchmark, Timings measured, double referenceMs, string reference)
    {
        string F(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        Console.WriteLine($"  {benchmark}: median {F(measured.Median)} ms" +
            $" (min {F(measured.Min)}, max {F(measured.Max)}, n={measured.Milliseconds.Count}); " +
                          $"process CPU {F(measured.CpuMedian)} ms; reference {reference} {F(referenceMs)} ms" +
                          $"; ratio {(measured.Median / referenceMs).ToString("0.0", CultureInfo.InvariantCulture)}×;" +
                          $" peak working set {F(PeakWorkingSetMiB)} MiB");
        Console.WriteLine(string.Join('\t', "RESULT", database, benchmark, F(measured.Median), F(measured.Min), F(measured.Max),
            reference, F(referenceMs), (measured.Median / referenceMs).ToString("0.0", CultureInfo.InvariantCulture), F(PeakWorkingSetMiB),
                F(measured.CpuMedian)));
    }
}
