using System.Data;
using System.Diagnostics;
using Jiedan.Common.Storage;
using Npgsql;

namespace Jiedan.Cli.Backup;

/// <summary>
/// PostgreSQL: <c>pg_dump -Fc</c> of an exported snapshot (so the row counts in the manifest are those of the dump while
/// writers go on), and <c>pg_restore</c> in one transaction. The connection reaches the tools through PG* environment
/// variables of the child process only, never its command line (which <c>ps</c> shows).
/// </summary>
public static class PostgresBackup
{
    private const int MaxToolErrorChars = 2000;

    public static async Task<DatabaseInventory> SnapshotAsync(DatabaseTarget source, string dataFile, CancellationToken ct)
    {
        var pgDump = Tool("pg_dump");
        await using var connection = new NpgsqlConnection(source.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var command = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            snapshot = (string)(await command.ExecuteScalarAsync(ct))!;
        var inventory = await DatabaseInventory.ReadAsync(connection, DatabaseProvider.Postgres, ct, transaction);
        await RunAsync(pgDump, source, ["--format=custom", "--no-owner", "--no-acl", $"--snapshot={snapshot}", $"--file={dataFile}"], ct);
        await transaction.CommitAsync(ct);
        return inventory;
    }

    /// <summary>Checks that <paramref name="dump"/> is an archive pg_restore can read, before the target is touched.</summary>
    public static async Task CheckAsync(string file, string dump, DatabaseTarget target, CancellationToken ct)
    {
        var pgRestore = Tool("pg_restore");
        try
        {
            await RunAsync(pgRestore, target, ["--list", dump], ct, withConnection: false);
        }
        catch (ToolFailedException)
        {
            throw new BackupFileException(file, "data.dump is not an archive pg_restore can read");
        }
    }

    public static async Task<DatabaseInventory> TargetAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        return await DatabaseInventory.ReadAsync(connection, DatabaseProvider.Postgres, ct);
    }

    /// <summary>Restores in one transaction: on any error the target is as it was. <paramref name="clean"/> drops the dump's
    /// objects first.</summary>
    public static async Task RestoreAsync(string dump, DatabaseTarget target, bool clean, CancellationToken ct)
    {
        string[] args = ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", $"--dbname={Database(target)}"];
        if (clean) args = [.. args, "--clean", "--if-exists"];
        await RunAsync(Tool("pg_restore"), target, [.. args, dump], ct);
    }

    private static string Database(DatabaseTarget target) => new NpgsqlConnectionStringBuilder(target.ConnectionString).Database ?? "";

    /// <summary>The tool's full path on PATH; missing, it is a setup problem the user fixes by installing the client.</summary>
    private static string Tool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new BackupFileException(name, "not found on PATH: install the PostgreSQL client tools (Debian/Ubuntu: "
            + "apt-get install postgresql-client), in a version not older than the server");
    }

    private static async Task RunAsync(string tool, DatabaseTarget target, IReadOnlyList<string> args, CancellationToken ct,
        bool withConnection = true)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (withConnection) AddConnection(start.Environment, target);
        using var process = Process.Start(start) ?? throw new ToolFailedException($"{Path.GetFileName(tool)} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
            throw new ToolFailedException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): "
                + errors.Trim()[..Math.Min(errors.Trim().Length, MaxToolErrorChars)]);
    }

    private static void AddConnection(IDictionary<string, string?> environment, DatabaseTarget target)
    {
        var b = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        environment["PGHOST"] = b.Host;
        environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PGDATABASE"] = b.Database;
        if (b.Username is { Length: > 0 } user) environment["PGUSER"] = user;
        if (b.Password is { Length: > 0 } password) environment["PGPASSWORD"] = password;
        if (b.SslMode != SslMode.Prefer) environment["PGSSLMODE"] = b.SslMode.ToString().ToLowerInvariant() switch
        {
            "verifyca" => "verify-ca",
            "verifyfull" => "verify-full",
            var m => m,
        };
    }
}

/// <summary>pg_dump or pg_restore exited with an error; its message (which never holds the password) is passed on.</summary>
public sealed class ToolFailedException(string message) : Exception(message);
