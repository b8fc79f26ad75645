using System.Globalization;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>Samples of one benchmark: every <c>-count</c> run gives one value per unit (ns/op, B/op, allocs/op, MB/s…).</summary>
public sealed record BenchmarkSamples(string Package, string Name, IReadOnlyDictionary<string, IReadOnlyList<double>> ValuesByUnit);

/// <summary>
/// Reads <c>go test -bench</c> output in the Go benchmark data format: <c>pkg:</c> configuration lines, then result
/// lines <c>BenchmarkName-P  iterations  value unit [value unit…]</c>. Other lines (PASS, ok, -v chatter) are ignored.
/// </summary>
public static class GoBenchOutput
{
    public static IReadOnlyList<BenchmarkSamples> Parse(TextReader content, string name)
    {
        var samples = new Dictionary<(string Package, string Name), Dictionary<string, List<double>>>();
        var order = new List<(string, string)>();
        var package = "";
        long number = 0;
        foreach (var line in BoundedLines.Read(content, (n, problem) => new GateInputException(name, n, problem)))
        {
            number++;
            if (line.StartsWith("pkg:", StringComparison.Ordinal)) { package = line[4..].Trim(); continue; }
            if (!line.StartsWith("Benchmark", StringComparison.Ordinal)) continue;
            var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            // "BenchmarkX" alone (-v) or "BenchmarkX --- FAIL" are not results.
            if (fields.Length < 4 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            if ((fields.Length - 2) % 2 != 0)
                throw new GateInputException(name, number, "a benchmark result has a value without a unit");
            var key = (package, fields[0]);
            if (!samples.TryGetValue(key, out var units)) { samples[key] = units = []; order.Add(key); }
            for (var i = 2; i < fields.Length; i += 2)
            {
                if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
                    throw new GateInputException(name, number, $"field {i + 1} of the benchmark result is not a number");
                if (!units.TryGetValue(fields[i + 1], out var values)) units[fields[i + 1]] = values = [];
                values.Add(value);
            }
        }
        if (order.Count == 0) throw new GateInputException(name, null,
            "no benchmark results (expected lines like 'BenchmarkX-8  1000  123 ns/op')");
        return order.Select(k => new BenchmarkSamples(k.Item1, k.Item2,
            samples[k].ToDictionary(u => u.Key, u => (IReadOnlyList<double>)u.Value))).ToList();
    }
}
