using System.Data.Common;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Pipeline;
using Jiedan.Pipeline.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Bench.Pipeline;

/// <summary>
/// <c>report --db DB --runs N</c>: times <see cref="PipelineQueries.ReportAsync"/> over the whole portfolio and over one
/// platform, against the reference of the database merely scanning the same spans (one GROUP BY stage, same connection).
/// </summary>
public static class ReportCommand
{
    private const string FilterPlatform = "Upwork";

    public static async Task RunAsync(string db, int runs, CancellationToken ct)
    {
        await using var database = await BenchDatabase.OpenAsync(db, ct);
        Console.WriteLine($"report on {database.Target.Describe()}: {await database.CountDealsAsync(ct):N0} deals;" +
            $" warm-up, then {runs} runs each");
        var cases = new (string Name, DealQuery Query, string ScanSql)[]
        {
            ("report all", new DealQuery(), """SELECT "Stage", count(*) FROM stage_spans GROUP BY "Stage" """),
            ($"report platform={FilterPlatform}", new DealQuery { Platform = FilterPlatform },
                $"""SELECT "Stage", count(*) FROM stage_spans WHERE "Platform" = '{FilterPlatform}' GROUP BY "Stage" """),
        };
        foreach (var (name, query, scanSql) in cases)
        {
            PipelineReport? report = null;
            var measured = await Timings.MeasureAsync(runs, async () =>
            {
                await using var scope = database.Scope();
                report = await scope.ServiceProvider.GetRequiredService<PipelineQueries>().ReportAsync(query, ct);
            });
            var scanned = 0L;
            var reference = await Timings.MeasureAsync(runs, async () =>
            {
                await using var scope = database.Scope();
                scanned = await ScanAsync(scope.ServiceProvider.GetRequiredService<DealsDbContext>(), scanSql, ct);
            });
            Describe(report!, scanned);
            Results.Print(database.Kind, name, measured, reference.Median, "scan");
        }
    }

    private static async Task<long> ScanAsync(DealsDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            long spans = 0;
            while (await reader.ReadAsync(ct)) spans += reader.GetInt64(1);
            return spans;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Enough of the report to see it is a real one, not an empty result computed quickly.</summary>
    private static void Describe(PipelineReport report, long spans)
    {
        Console.WriteLine($"  {report.Deals:N0} deals ({report.Lost:N0} lost), {spans:N0} spans" +
            $"; time to sign mean {report.TimeToSign.Mean:0.0} P90 {report.TimeToSign.P90}; " +
                          $"bottlenecks [{string.Join(", ", report.Bottlenecks)}]; {report.Rotting.Count} rotting listed");
        foreach (var s in report.Stages)
            Console.WriteLine($"    {s.Stage.Key,-18} n={s.Durations.Count,9:N0} mean {s.Durations.Mean,5:0.0}" +
                $" sd {s.Durations.StandardDeviation,5:0.0}" +
                $" P90 {s.Durations.P90,3} blocked {s.BlockedRate,4:P0}");
    }
}
