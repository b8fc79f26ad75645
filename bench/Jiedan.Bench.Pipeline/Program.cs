using System.CommandLine;
using Jiedan.Bench.Pipeline;

var db = new Option<string>("--db") { Description = "SQLite file path or PostgreSQL connection string (Host=…)", Required = true };
var deals = new Option<long>("--deals") { Description = "Deals to seed", DefaultValueFactory = _ => 1_000_000 };
var runs = new Option<int>("--runs") { Description = "Measured runs after one warm-up", DefaultValueFactory = _ => 5 };
var rows = new Option<int>("--rows") { Description = "CSV rows (stage events) to import", DefaultValueFactory = _ => 100_000 };

var seed = new Command("seed", "Fill a fresh database with synthetic deals (bulk load, not measured)") { db, deals };
seed.SetAction((parse, ct) => SeedCommand.RunAsync(parse.GetValue(db)!, parse.GetValue(deals), ct));
var report = new Command("report", "Time the pipeline report against a scan of the same spans") { db, runs };
report.SetAction((parse, ct) => ReportCommand.RunAsync(parse.GetValue(db)!, parse.GetValue(runs), ct));
var import = new Command("import",
    "Time a CSV import into an empty database, and its re-import, against the database's own bulk load") { db, rows, runs };
import.SetAction((parse, ct) => ImportCommand.RunAsync(parse.GetValue(db)!, parse.GetValue(rows), parse.GetValue(runs), ct));

var root = new RootCommand("Jiedan pipeline benchmarks: see bench/pipeline/run.sh and BENCHMARKS.md") { seed, report, import };
try
{
    return await root.Parse(args).InvokeAsync();
}
catch (BenchUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
