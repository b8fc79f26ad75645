using System.Diagnostics;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Common.Storage;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Microsoft.Extensions.DependencyInjection;

// bench/kb: 10,000 generated knowledge records in a fresh database (SQLite, or the PostgreSQL database given), then
//   import   time to store them (entries, graph nodes and edges)
//   index    time to load them and build the BM25 index
//   match    latency of one alert match (p50, p95, p99 over 1,000 alerts)
//   ingest   Alertmanager notifications stored per second (one alert each, sequential, as the receiver stores them)
// Usage: Jiedan.Bench.Kb [RECORDS] [DB]    or    Jiedan.Bench.Kb export FOLDER [RECORDS]  (YAML records for jiedan kb import)
var inv = CultureInfo.InvariantCulture;
if (args is ["export", var into, ..])
{
    var count = args.Length > 2 ? int.Parse(args[2], inv) : 10_000;
    var generator = new Random(12);
    Directory.CreateDirectory(into);
    // 2,000 records a file keeps each file under the importer's 1 MiB cap.
    foreach (var (chunk, n) in Enumerable.Range(0, count).Select(i => Generate(i, generator)).Chunk(2000).Select((c, n) => (c, n)))
        await File.WriteAllTextAsync(Path.Combine(into, $"generated-{n}.yml"), RecordsYaml(chunk));
    Console.WriteLine(string.Create(inv, $"exported {count} records to {into}"));
    return 0;
}
var records = args.Length > 0 ? int.Parse(args[0], inv) : 10_000;
var folder = Directory.CreateTempSubdirectory("jiedan-bench-kb-").FullName;
try
{
    var db = args.Length > 1 ? args[1] : Path.Combine(folder, "kb.db");
    var (provider, _) = CliServices.Build(db, Needs.Of(IncidentsModule.RegisterData));
    await using var services = provider;
    await JiedanDb.MigrateAsync(services);
    var random = new Random(12);
    var entries = Enumerable.Range(0, records).Select(i => Generate(i, random)).ToList();

    var watch = Stopwatch.StartNew();
    await services.GetRequiredService<KnowledgeStore>().ImportAsync(entries, [], default);
    Console.WriteLine(string.Create(inv, $"import   {records} records in {watch.Elapsed.TotalSeconds:0.00} s " +
        $"({records / watch.Elapsed.TotalSeconds:0} records/s)"));

    watch.Restart();
    var matcher = await services.GetRequiredService<KnowledgeBase>().MatcherAsync(default);
    Console.WriteLine(string.Create(inv, $"index    loaded and indexed in {watch.Elapsed.TotalSeconds:0.00} s"));

    var latencies = new List<double>();
    var hits = 0;
    for (var i = 0; i < 1000; i++)
    {
        var target = entries[random.Next(entries.Count)];
        var alert = new AlertQuery("Alert" + i.ToString(inv), new Dictionary<string, string> { ["job"] = "node" },
            $"{target.Meaning.Split(' ')[0]} {target.Keywords[0]} {target.Keywords[1]} problem on host");
        watch.Restart();
        var result = matcher.Match(alert);
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        if (result.Matches.Any(m => m.Entry.Title == target.Title)) hits++;
    }
    latencies.Sort();
    Console.WriteLine(string.Create(inv, $"match    p50 {latencies[500]:0.00} ms, p95 {latencies[950]:0.00} ms, " +
        $"p99 {latencies[990]:0.00} ms " +
        $"({hits / 10.0:0.0}% of generated alerts found their record in the top 3)"));

    var store = services.GetRequiredService<IncidentStore>();
    const int notifications = 2000;
    watch.Restart();
    for (var i = 0; i < notifications; i++)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "BenchAlert" };
        var alert = new Alert(AlertStatus.Firing, labels, new Dictionary<string, string>(),
            new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), null, "", i.ToString("x16", inv));
        await store.IngestAsync("bench", null, new AlertGroup("bench", AlertStatus.Firing, "{}", 0,
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), "", [alert]), default);
    }
    Console.WriteLine(string.Create(inv, $"ingest   {notifications} notifications in {watch.Elapsed.TotalSeconds:0.00} s " +
        $"({notifications / watch.Elapsed.TotalSeconds:0} per second, {watch.Elapsed.TotalMilliseconds / notifications:0.00} ms each)"));
    return 0;
}
finally { Directory.Delete(folder, recursive: true); }

static string RecordsYaml(IEnumerable<KnowledgeEntry> entries)
{
    static string Q(string s) => System.Text.Json.JsonSerializer.Serialize(s);
    var yaml = new System.Text.StringBuilder("runbooks:\n");
    foreach (var e in entries)
        yaml.Append(CultureInfo.InvariantCulture, $"  - title: {Q(e.Title)}\n    component: {Q(e.Component)}\n")
            .Append(CultureInfo.InvariantCulture, $"    configuration_item: {Q(e.ConfigurationItem)}\n    patch: {Q(e.Patch)}\n")
            .Append(CultureInfo.InvariantCulture, $"    keywords: [{string.Join(", ", e.Keywords.Select(Q))}]\n")
            .Append(CultureInfo.InvariantCulture, $"    meaning: {Q(e.Meaning)}\n    diagnosis: {Q(e.Diagnosis)}\n")
            .Append(CultureInfo.InvariantCulture, $"    mitigation: {Q(e.Mitigation)}\n");
    return yaml.ToString();
}

static KnowledgeEntry Generate(int i, Random random)
{
    string[] words = ["disk", "memory", "latency", "timeout", "replica", "certificate", "queue", "backlog", "dns", "kernel", "network",
        "packet", "loss", "cpu", "throttling", "pool", "connection", "lock", "deadlock", "index", "cache", "eviction", "磁盘", "内存",
        "延迟", "超时", "连接池", "证书", "队列", "积压", "网络", "丢包"];
    string Pick() => words[random.Next(words.Length)];
    var unique = "comp" + i.ToString(CultureInfo.InvariantCulture);
    return new KnowledgeEntry($"GeneratedAlert{i}", $"generated/{i}.md", 1)
    {
        Component = unique, ConfigurationItem = "ci" + (i % 500).ToString(CultureInfo.InvariantCulture),
        Patch = "v" + (i % 50).ToString(CultureInfo.InvariantCulture),
        Keywords = [unique, Pick(), Pick()],
        Meaning = $"{unique} {Pick()} {Pick()} {Pick()} when the {Pick()} grows",
        Diagnosis = $"check {Pick()} and {Pick()}", Mitigation = "restart",
    };
}
