using System.Diagnostics;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Common.Storage;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Microsoft.Extensions.DependencyInjection;

// bench/kb: 10,000 generated knowledge records in a fresh SQLite database, then
//   import   time to store them (entries, graph nodes and edges)
//   index    time to load them and build the BM25 index
//   match    latency of one alert match (p50, p95, p99 over 1,000 alerts)
//   ingest   Alertmanager notifications stored per second (one alert each, sequential, as the receiver stores them)
var inv = CultureInfo.InvariantCulture;
var records = args.Length > 0 ? int.Parse(args[0], inv) : 10_000;
var folder = Directory.CreateTempSubdirectory("jiedan-bench-kb-").FullName;
try
{
    var (provider, _) = CliServices.Build(Path.Combine(folder, "kb.db"), Needs.Of(IncidentsModule.RegisterData));
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
