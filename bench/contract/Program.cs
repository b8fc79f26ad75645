using System.Diagnostics;
using System.Globalization;
using Jiedan.Domain.Contract;

// Usage: Jiedan.Bench.Contract [--write DIR] REQUIREMENT.yml...
// Without --write: reads and generates each file many times and prints the median time per requirement.
var files = args.Where(a => a.EndsWith(".yml", StringComparison.Ordinal)).ToList();
var write = Array.IndexOf(args, "--write") is var w and >= 0 ? args[w + 1] : null;
if (write is not null)
{
    foreach (var file in files)
    {
        var contract = ContractGenerator.Generate(RequirementReader.Read(File.ReadAllText(file), Path.GetFileName(file)));
        var dir = Path.Combine(write, Path.GetFileNameWithoutExtension(file));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, contract.ProtoFileName), contract.ProtoText);
        File.WriteAllText(Path.Combine(dir, contract.OpenApiFileName), contract.OpenApiYaml);
    }
    return;
}
var texts = files.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
foreach (var (name, text) in texts) ContractGenerator.Generate(RequirementReader.Read(text, name));
var samples = new List<double>();
for (var round = 0; round < 20; round++)
{
    foreach (var (name, text) in texts)
    {
        var clock = Stopwatch.StartNew();
        ContractGenerator.Generate(RequirementReader.Read(text, name));
        samples.Add(clock.Elapsed.TotalMilliseconds);
    }
}
samples.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{texts.Count} requirements, {samples.Count} runs: median {samples[samples.Count / 2]:F2} ms, p95 {samples[samples.Count * 95 / 100]:F2} ms, max {samples[^1]:F2} ms per requirement (read + generate)"));
