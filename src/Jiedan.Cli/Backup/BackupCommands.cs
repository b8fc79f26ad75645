using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Backup;

/// <summary>
/// <c>jiedan backup --out FILE</c> and <c>jiedan restore FILE [--force]</c>: one file holding a consistent copy of the database
/// and a manifest (provider, applied migrations, row counts, SHA-256) that restore checks before it touches the target.
/// </summary>
public static class BackupCommands
{
    public static IEnumerable<Command> Create(IReadOnlyList<IJiedanModule> modules) => [Backup(), Restore(modules)];

    private static Command Backup()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var output = new Option<string>("--out") { Description = "The backup file to write (replaced atomically)", Required = true };
        var command = new Command("backup", "Write a consistent backup of the database to one file, while the server runs")
            { output, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var cli = CliOutput.From(parse);
            var file = parse.GetValue(output)!;
            var source = DatabaseTarget.FromArgumentOrEnvironment(parse.GetValue(db));
            try
            {
                var manifest = await BackupAsync(source, file, ct);
                if (parse.GetValue(json)) return cli.WriteJson(new BackupResult(Path.GetFullPath(file), source.Describe(), manifest));
                cli.Out.WriteLine($"Backed up {source.Describe()} to {Path.GetFullPath(file)}: {manifest.Tables.Count} tables, "
                    + $"{manifest.Tables.Values.Sum()} rows, sha256 {manifest.DataSha256}.");
                return ExitCodes.Ok;
            }
            catch (BackupFileException e)
            {
                return cli.Fail(e.Message);
            }
            catch (ToolFailedException e)
            {
                return cli.Fail($"backup of {source.Describe()} failed: {e.Message}", ExitCodes.DatabaseError);
            }
        });
        return command;
    }

    private static Command Restore(IReadOnlyList<IJiedanModule> modules)
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var file = new Argument<string>("FILE") { Description = "A file written by 'jiedan backup'" };
        var force = new Option<bool>("--force") { Description = "Replace a target that already holds data" };
        var command = new Command("restore", "Restore a backup into an empty database (or any, with --force), after checking it")
            { file, db, force, json };
        command.SetAction(async (parse, ct) =>
        {
            var cli = CliOutput.From(parse);
            var path = parse.GetValue(file)!;
            var (provider, contexts) = CliServices.Build(parse.GetValue(db), Needs.All(modules));
            await using var owner = provider;
            var target = provider.GetRequiredService<DatabaseTarget>();
            try
            {
                var manifest = await RestoreAsync(path, target, parse.GetValue(force), Known(provider, contexts), ct);
                if (parse.GetValue(json)) return cli.WriteJson(new BackupResult(Path.GetFullPath(path), target.Describe(), manifest));
                cli.Out.WriteLine($"Restored {path} into {target.Describe()}: {manifest.Tables.Count} tables, "
                    + $"{manifest.Tables.Values.Sum()} rows, as counted in the backup.");
                return ExitCodes.Ok;
            }
            catch (BackupFileException e)
            {
                return cli.Fail(e.Message);
            }
            catch (RestoreCheckException e)
            {
                return cli.Fail(e.Message, ExitCodes.CheckFailed);
            }
            catch (ToolFailedException e)
            {
                return cli.Fail($"restore into {target.Describe()} failed, nothing was changed: {e.Message}", ExitCodes.DatabaseError);
            }
        });
        return command;
    }

    public static async Task<BackupManifest> BackupAsync(DatabaseTarget source, string file, CancellationToken ct)
    {
        var data = BackupArchive.TempBeside(file);
        try
        {
            var inventory = source.Provider == DatabaseProvider.Sqlite
                ? await SqliteBackup.SnapshotAsync(source, data, ct)
                : await PostgresBackup.SnapshotAsync(source, data, ct);
            if (inventory.Migrations.Count == 0) throw new BackupFileException(source.Describe(), "not a Jiedan database (no migrations)");
            var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, source.Provider,
                TimeProvider.System.GetUtcNow(), BackupManifest.DataEntryFor(source.Provider), new FileInfo(data).Length,
                await BackupArchive.Sha256Async(data, ct), inventory.Migrations, inventory.Tables);
            await BackupArchive.WriteAsync(file, manifest, data, ct);
            return manifest;
        }
        finally
        {
            File.Delete(data);
        }
    }

    /// <summary>
    /// Restores <paramref name="file"/> into <paramref name="target"/>. Everything about the file is checked first (format,
    /// checksum, provider, schema, the copy's row counts); a target holding data is refused without <paramref name="force"/>.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(string file, DatabaseTarget target, bool force,
        IReadOnlyDictionary<string, HashSet<string>> known, CancellationToken ct)
    {
        var data = target.SqliteFile is { } sqlite
            ? BackupArchive.TempBeside(sqlite)
            : Path.Combine(Path.GetTempPath(), $"jiedan-restore-{Guid.NewGuid():N}.dump");
        try
        {
            var manifest = await BackupArchive.ReadAsync(file, data, ct);
            if (manifest.Provider != target.Provider)
                throw new BackupFileException(file, $"a {manifest.Provider} backup cannot be restored into {target.Describe()}; "
                    + "restore it into a database of the same kind, then use 'jiedan db copy'");
            CheckSchema(file, manifest, known);
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                var copy = await SqliteBackup.CheckAsync(file, data, ct);
                CheckCounts(file, manifest, copy, "the database inside");
                await RefuseNonEmpty(file, target, await SqliteBackup.TargetAsync(target, ct), force);
                await SqliteBackup.ReplaceAsync(data, target, ct);
                return manifest;
            }
            await PostgresBackup.CheckAsync(file, data, target, ct);
            var existing = await PostgresBackup.TargetAsync(target, ct);
            await RefuseNonEmpty(file, target, existing, force);
            await PostgresBackup.RestoreAsync(data, target, clean: existing.Tables.Count > 0, ct);
            var restored = await PostgresBackup.TargetAsync(target, ct);
            try
            {
                CheckCounts(file, manifest, restored, target.Describe());
            }
            catch (BackupFileException e)
            {
                throw new RestoreCheckException(e.Message);
            }
            return manifest;
        }
        finally
        {
            File.Delete(data);
        }
    }

    private static Task RefuseNonEmpty(string file, DatabaseTarget target, DatabaseInventory? existing, bool force)
    {
        if (existing is { DataRows: > 0 } && !force)
            throw new BackupFileException(file, $"not restored: {target.Describe()} already holds {existing.DataRows} rows; "
                + "restore into an empty database, or pass --force to replace it");
        return Task.CompletedTask;
    }

    private static void CheckSchema(string file, BackupManifest manifest, IReadOnlyDictionary<string, HashSet<string>> known)
    {
        foreach (var (context, applied) in manifest.Migrations)
        {
            if (!known.TryGetValue(context, out var migrations))
                throw new BackupFileException(file, $"the backup's schema is newer than this build (unknown context '{context}'): "
                    + "upgrade Jiedan first");
            if (applied.FirstOrDefault(m => !migrations.Contains(m)) is { } unknown)
                throw new BackupFileException(file, $"the backup's schema is newer than this build (migration {context} {unknown} "
                    + "is unknown): upgrade Jiedan first");
        }
    }

    private static void CheckCounts(string file, BackupManifest manifest, DatabaseInventory actual, string where)
    {
        foreach (var (table, rows) in manifest.Tables)
        {
            var found = actual.Tables.GetValueOrDefault(table, -1);
            if (found != rows)
                throw new BackupFileException(file,
                    $"row counts differ: table {table} has {found} rows in {where}, the manifest says {rows}");
        }
    }

    /// <summary>The migrations this build knows, per context (named as in the history tables).</summary>
    private static Dictionary<string, HashSet<string>> Known(IServiceProvider provider, IEnumerable<Type> contexts)
    {
        using var scope = provider.CreateScope();
        return contexts.ToDictionary(Migrations.Name,
            t => ((DbContext)scope.ServiceProvider.GetRequiredService(t)).Database.GetMigrations().ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private sealed record BackupResult(string File, string Database, BackupManifest Manifest);
}

/// <summary>A restore ran but the target does not hold what the manifest counted: exit 1.</summary>
public sealed class RestoreCheckException(string message) : Exception(message);
