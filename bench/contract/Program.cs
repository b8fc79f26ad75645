using System.Diagnostics;
using System.Globalization;
using Jiedan.Domain.Contract;
using Jiedan.Contract.Parity;
using Jiedan.Testing;

// Usage: Jiedan.Bench.Contract [--write DIR] REQUIREMENT.yml...
// --write: writes DIR/<file>/<service>.proto and openapi.yaml for each requirement and stops.
// Otherwise: per requirement, the median of 20 runs of (1) read + generate and (2) read + generate + protoc + parity.
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
var generate = new List<double>();
var proved = new List<double>();
foreach (var (name, text) in texts) Prove(name, text); // warm-up
for (var round = 0; round < 20; round++)
{
    foreach (var (name, text) in texts)
    {
        var clock = Stopwatch.StartNew();
        ContractGenerator.Generate(RequirementReader.Read(text, name));
        generate.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        Prove(name, text);
        proved.Add(clock.Elapsed.TotalMilliseconds);
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} requirements x 20 runs"));
Console.WriteLine(Line("read + generate", generate));
Console.WriteLine(Line("read + generate + protoc + parity", proved));

static void Prove(string name, string text)
{
    var contract = ContractGenerator.Generate(RequirementReader.Read(text, name));
    var report = ContractParity.Check(contract.Plan, ContractTools.DescriptorSet(contract.ProtoText, contract.ProtoFileName),
        contract.OpenApiYaml);
    if (!report.Complete) throw new InvalidOperationException($"{name}: parity incomplete");
}

static string Line(string what, List<double> samples)
{
    samples.Sort();
    return string.Create(CultureInfo.InvariantCulture,
        $"{what}: median {samples[samples.Count / 2]:F1} ms, p95 {samples[samples.Count * 95 / 100]:F1} ms, max {samples[^1]:F1} ms");
}
