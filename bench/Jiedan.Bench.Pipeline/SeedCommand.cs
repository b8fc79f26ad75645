using System.Diagnostics;
using Jiedan.Common.Storage;

namespace Jiedan.Bench.Pipeline;

/// <summary><c>seed --db DB --deals N</c>: a fresh database filled with N synthetic deals through the bulk loader.</summary>
public static class SeedCommand
{
    public static async Task RunAsync(string db, long deals, CancellationToken ct)
    {
        await using var database = await BenchDatabase.OpenAsync(db, ct);
        await database.RequireEmptyAsync(ct);
        var today = database.Settings.Calendar.DateOf(TimeProvider.System.GetUtcNow());
        var portfolio = new SyntheticPortfolio(database.Settings, today);
        var clock = Stopwatch.StartNew();
        long written = 0, events = 0, spans = 0;
        await using (var loader = await IBulkLoader.OpenAsync(database.Target, ct))
        {
            foreach (var chunk in portfolio.Chunks(deals))
            {
                await loader.WriteAsync(chunk, ct);
                written += chunk.Count;
                events += chunk.Sum(d => d.Events.Count);
                spans += chunk.Sum(d => d.Spans.Count);
                if (written % 100_000 == 0) Console.WriteLine($"  {written:N0} deals, {events:N0} events," +
                    $" {spans:N0} spans ({clock.Elapsed.TotalSeconds:0} s)");
            }
            await loader.CompleteAsync(ct);
        }
        Console.WriteLine($"seeded {database.Target.Describe()}: {written:N0} deals, {events:N0} events," +
            $" {spans:N0} spans in {clock.Elapsed.TotalSeconds:0.0} s");
        if (database.Target.Provider == DatabaseProvider.Sqlite && database.Target.SqliteFile is { } file)
            Console.WriteLine($"  file size {new FileInfo(file).Length / 1024.0 / 1024.0:0} MiB");
    }
}
