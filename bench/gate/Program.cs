using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;

// bench/gate: generate large inputs and time Jiedan's parsers on them (see run.sh and BENCHMARKS.md).
//   generate DIR PROFILE_MB SARIF_MB   a Go module with real sources, DIR/cover.out and DIR/big.sarif
//   go-profile FILE                    parse and total a Go coverage profile
//   sarif FILE                         parse a SARIF file (streaming)
//   json-dom FILE                      baseline: System.Text.Json JsonDocument over the same SARIF
//   json-tokens FILE                   floor: a bare Utf8JsonReader loop over the same SARIF
var inv = CultureInfo.InvariantCulture;
switch (args.ElementAtOrDefault(0))
{
    case "generate":
        Generate(args[1], long.Parse(args[2], inv) << 20, long.Parse(args[3], inv) << 20);
        return 0;
    case "go-profile":
        return Time(args[1], path =>
        {
            using var s = File.OpenRead(path);
            var p = new GoCoverageProfile();
            p.Add(s, Path.GetFileName(path));
            var summary = p.Summary();
            return $"total {summary.Display}, {p.BlockCount} distinct blocks, {summary.Statements} statements";
        });
    case "sarif":
        return Time(args[1], path =>
        {
            using var s = File.OpenRead(path);
            var f = SarifReport.Parse(s, Path.GetFileName(path));
            return $"{f.Total} findings, {f.HighOrWorse} high or critical";
        });
    case "json-dom":
        return Time(args[1], path =>
        {
            using var s = File.OpenRead(path);
            using var doc = JsonDocument.Parse(s);
            return $"{doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength()} results";
        });
    case "json-tokens":
        return Time(args[1], path =>
        {
            // Floor for any streaming reader: Utf8JsonReader over the file, every token read, nothing kept.
            using var s = File.OpenRead(path);
            var buffer = new byte[1 << 20];
            var state = new JsonReaderState();
            long tokens = 0;
            int length = 0;
            while (true)
            {
                var read = s.Read(buffer, length, buffer.Length - length);
                length += read;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), read == 0, state);
                while (reader.Read()) tokens++;
                state = reader.CurrentState;
                var rest = length - (int)reader.BytesConsumed;
                buffer.AsSpan((int)reader.BytesConsumed, rest).CopyTo(buffer);
                length = rest;
                if (read == 0) break;
            }
            return $"{tokens} tokens";
        });
    default:
        Console.Error.WriteLine("usage: generate DIR PROFILE_MB SARIF_MB | go-profile FILE | sarif FILE | json-dom FILE");
        return 2;
}

int Time(string path, Func<string, string> parse)
{
    var bytes = new FileInfo(path).Length;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var what = parse(path);
    sw.Stop();
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    var mb = bytes / 1048576.0;
    Console.WriteLine(string.Format(inv,
        "{0}: {1:0.0} MB in {2:0.000} s wall = {3:0} MB/s ({7:0.000} s CPU = {8:0} MB/s);" +
        " {4}; peak working set {5:0} MB; allocated {6:0} MB",
        Path.GetFileName(path), mb, sw.Elapsed.TotalSeconds, mb / sw.Elapsed.TotalSeconds, what,
        process.PeakWorkingSet64 / 1048576.0, GC.GetTotalAllocatedBytes() / 1048576.0, cpu, mb / cpu));
    return 0;
}

// A module of 20 packages × 10 files × 50 functions × 10 one-line blocks (100,000 blocks), so `go tool cover -func`
// can map every block to a real function; the profile repeats those blocks with varying counts (as merged profiles
// from many test binaries do) until it reaches the requested size.
void Generate(string dir, long profileBytes, long sarifBytes)
{
    const int packages = 20, files = 10, functions = 50, blocks = 10;
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/big\n\ngo 1.19\n");
    for (var p = 0; p < packages; p++)
    {
        var pkgDir = Path.Combine(dir, $"pkg{p:000}");
        Directory.CreateDirectory(pkgDir);
        for (var f = 0; f < files; f++)
        {
            var src = new StringBuilder($"package pkg{p:000}\n\n");
            for (var fn = 0; fn < functions; fn++)
            {
                src.Append(inv, $"func F{f:00}x{fn:00}(x int) int {{\n");
                for (var b = 0; b < blocks; b++) src.Append("\tx++\n");
                src.Append("\treturn x\n}\n\n");
            }
            File.WriteAllText(Path.Combine(pkgDir, $"file{f:00}.go"), src.ToString());
        }
    }
    // Function fn starts at line 3 + fn*14; its blocks are lines start+1 … start+10, columns 2–5.
    var lines = new List<string>();
    for (var p = 0; p < packages; p++)
        for (var f = 0; f < files; f++)
            for (var fn = 0; fn < functions; fn++)
                for (var b = 0; b < blocks; b++)
                {
                    var line = 3 + fn * 14 + 1 + b;
                    lines.Add(string.Create(inv, $"example.com/big/pkg{p:000}/file{f:00}.go:{line}.2,{line}.5 1 "));
                }
    using (var profile = new StreamWriter(Path.Combine(dir, "cover.out"), false, new UTF8Encoding(false), 1 << 20))
    {
        profile.Write("mode: count\n");
        long written = 12;
        var round = 0;
        while (written < profileBytes)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                // About a third of the blocks never run, so the total is a real fraction.
                var count = (i % 3 == 0) ? 0 : (i + round) % 7;
                var text = lines[i] + count.ToString(inv) + "\n";
                profile.Write(text);
                written += text.Length;
            }
            round++;
        }
    }
    using var sarif = new StreamWriter(Path.Combine(dir, "big.sarif"), false, new UTF8Encoding(false), 1 << 20);
    sarif.Write("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  " +
        "\"runs\": [\n    {\n      \"tool\": {\"driver\": {\"name\": \"gosec\", \"rules\": [\n");
    for (var r = 0; r < 30; r++)
        sarif.Write(string.Create(inv,
            $"        {{\"id\": \"G{100 + r}\", \"defaultConfiguration\": {{\"level\": \"{(r % 3 == 0 ? "error" : "warning")}\"}}," +
            $" \"properties\": {{\"security-severity\": \"{(r % 10) + 0.5:0.0}\"}}}}{(r < 29 ? "," : "")}\n"));
    sarif.Write("      ]}},\n      \"results\": [\n");
    long size = 0;
    for (var i = 0; size < sarifBytes; i++)
    {
        var text = string.Create(inv,
            $"        {{\"ruleId\": \"G{100 + i % 30}\", \"ruleIndex\": {i % 30}, \"level\": \"{(i % 5 == 0 ? "error" : "warning")}\"," +
            $" \"message\": {{\"text\": \"Potential issue #{i}: the value flows" +
            $" from an untrusted input to a sensitive sink without validation\"}}, " +
            $"\"locations\": [{{\"physicalLocation\": {{\"artifactLocation\": {{\"uri\": \"pkg{i % 20:000}/file{i % 10:00}.go\"}}" +
            $", \"region\": {{\"startLine\": {i % 700 + 1}, \"startColumn\": 2," +
            $" \"endLine\": {i % 700 + 1}, \"endColumn\": 40," +
            $" \"snippet\": {{\"text\": \"x := os.Getenv(\\\"SECRET_{i}\\\")\"}}}}}}}}], " +
            $"\"partialFingerprints\": {{\"primaryLocationLineHash\": \"{i:x16}:1\"}}}}");
        sarif.Write(i == 0 ? text : ",\n" + text);
        size += text.Length + 2;
    }
    sarif.Write("\n      ]\n    }\n  ]\n}\n");
}
