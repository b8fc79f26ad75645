using System.Diagnostics;
using Jiedan.Common.Storage;
using Jiedan.Deals.Import;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiedan.Bench.Pipeline;

/// <summary>
/// <c>import --db DB --rows N</c>: times <see cref="DealImporter.ImportAsync"/> of an N-row CSV into an empty database,
/// then re-imports of the same file (the idempotent path), against the database's own bulk load of the same CSV into a
/// plain table (sqlite3 <c>.import</c>; PostgreSQL <c>COPY … FROM STDIN</c>).
/// </summary>
public static class ImportCommand
{
    public static async Task RunAsync(string db, int rows, int runs, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("jiedan-bench-import-");
        try
        {
            await using var database = await BenchDatabase.OpenAsync(db, ct);
            await database.RequireEmptyAsync(ct);
            var today = database.Settings.Calendar.DateOf(TimeProvider.System.GetUtcNow());
            var csv = Path.Combine(work.FullName, "deals.csv");
            var (written, deals) = ImportCsv.Write(csv, new SyntheticPortfolio(database.Settings, today), rows);
            Console.WriteLine($"import into {database.Target.Describe()}: {written:N0} rows," +
                $" {deals:N0} deals, {new FileInfo(csv).Length / 1024.0 / 1024.0:0.0} MiB CSV");

            await WarmUpAsync(database.Target, work.FullName, today, ct);

            ImportResult? result = null;
            var first = await Timings.MeasureAsync(1, async () => result = await ImportAsync(database, csv, ct), warmUp: false);
            if (!result!.Succeeded || result.EventsAdded != written || result.DealsCreated != deals)
                throw new InvalidOperationException($"import went wrong: {result.DealsCreated} deals, {result.EventsAdded} events" +
                    $", errors: {string.Join("; ", result.Errors.Take(3))}");
            var again = await Timings.MeasureAsync(runs, async () => result = await ImportAsync(database, csv, ct), warmUp: false);
            if (result.EventsAlreadyPresent != written
                || result.EventsAdded != 0) throw new InvalidOperationException("re-import was not idempotent");

            var reference = await Timings.MeasureAsync(runs, () => ReferenceLoadAsync(database.Target, csv, work.FullName, ct));
            var referenceName = database.Target.Provider == DatabaseProvider.Sqlite ? "sqlite3 .import" : "COPY FROM STDIN";
            Results.Print(database.Kind, "import", first, reference.Median, referenceName);
            Results.Print(database.Kind, "re-import", again, reference.Median, referenceName);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<ImportResult> ImportAsync(BenchDatabase database, string csv, CancellationToken ct)
    {
        await using var scope = database.Scope();
        await using var file = File.OpenRead(csv);
        return await scope.ServiceProvider.GetRequiredService<DealImporter>().ImportAsync(Path.GetFileName(csv), file, "bench", ct);
    }

    /// <summary>The code paths JIT-compiled and the EF model built, on a throw-away database of the same kind.</summary>
    private static async Task WarmUpAsync(DatabaseTarget target, string work, DateOnly today, CancellationToken ct)
    {
        var warmTarget = target.Provider == DatabaseProvider.Sqlite
            ? Path.Combine(work, "warm-up.db")
            : new NpgsqlConnectionStringBuilder(target.ConnectionString)
                { Database = $"jiedan_bench_warmup_{Environment.ProcessId}" }.ConnectionString;
        try
        {
            await using var warm = await BenchDatabase.OpenAsync(warmTarget, ct);
            var csv = Path.Combine(work, "warm-up.csv");
            ImportCsv.Write(csv, new SyntheticPortfolio(warm.Settings, today), 600);
            await ImportAsync(warm, csv, ct);
            await ImportAsync(warm, csv, ct);
            await ReferenceLoadAsync(warm.Target, csv, work, ct);
        }
        finally
        {
            if (target.Provider == DatabaseProvider.Postgres) await DropDatabaseAsync(warmTarget, ct);
        }
    }

    private static async Task ReferenceLoadAsync(DatabaseTarget target, string csv, string work, CancellationToken ct)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var referenceDb = Path.Combine(work, "reference.db");
            File.Delete(referenceDb);
            var start = new ProcessStartInfo("sqlite3", [referenceDb, ".import --csv " + csv + " plain"]) { RedirectStandardError = true };
            using var sqlite3 = Process.Start(start) ?? throw new InvalidOperationException("could not start sqlite3");
            var error = await sqlite3.StandardError.ReadToEndAsync(ct);
            await sqlite3.WaitForExitAsync(ct);
            if (sqlite3.ExitCode != 0) throw new InvalidOperationException($"sqlite3 .import failed: {error}");
            return;
        }
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText =
                "DROP TABLE IF EXISTS bench_plain_import;" +
                    " CREATE TABLE bench_plain_import (external_id text, client text, platform text, stage text, at text," +
                    " category text, seniority text, budget text, currency text, lost_reason text)";
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginTextImportAsync("COPY bench_plain_import FROM STDIN (FORMAT csv, HEADER true)", ct))
        {
            using var file = new StreamReader(csv);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await file.ReadAsync(buffer, ct)) > 0) await copy.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE bench_plain_import";
        await drop.ExecuteNonQueryAsync(ct);
    }

    private static async Task DropDatabaseAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin =
            new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync(ct);
        await using var cmd = admin.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
