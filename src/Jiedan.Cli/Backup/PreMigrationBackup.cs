using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Common.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Backup;

/// <summary>
/// Before an upgrade changes the schema (<c>jiedan serve</c> on start, <c>jiedan db migrate</c>), a database that holds data
/// and lacks migrations is backed up first, so a failed or unwanted upgrade can be undone with <c>jiedan restore</c>.
/// A new or empty database has nothing to lose and is not backed up. When the backup fails, nothing is migrated.
/// </summary>
public static class PreMigrationBackup
{
    /// <summary>Where the backups go unless <c>--backup-dir</c> says otherwise.</summary>
    public const string DirectoryVariable = "JIEDAN_BACKUP_DIR";
    /// <summary><c>JIEDAN_BACKUP_BEFORE_MIGRATE=0</c> turns the automatic backup off (e.g. when snapshots are taken elsewhere).</summary>
    public const string SwitchVariable = "JIEDAN_BACKUP_BEFORE_MIGRATE";

    public static Option<string?> Option() => new("--backup-dir")
    {
        Description = $"Where the backup taken before migrations goes (default: ${DirectoryVariable}, else backups/ beside a SQLite file)",
    };

    /// <summary>Takes the backup when one is due; returns its path, or null when none was needed or it is switched off.</summary>
    public static async Task<string?> TakeIfDueAsync(IServiceProvider services, IEnumerable<Type> contexts, string? folder,
        CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable(SwitchVariable) is "0" or "false") return null;
        var target = services.GetRequiredService<DatabaseTarget>();
        if (target.SqliteFile is { } file && !File.Exists(file)) return null;
        var pending = await Migrations.PendingAsync(services, contexts, ct);
        if (pending.Count == 0) return null;
        var existing = await DatabaseInventory.OfTargetAsync(target, ct);
        if (existing is not { DataRows: > 0 }) return null;
        folder = Folder(target, folder);
        Directory.CreateDirectory(folder);
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, $"jiedan-before-migrate-{stamp}.zip");
        await BackupCommands.BackupAsync(target, path, ct);
        return path;
    }

    /// <summary>Takes the backup when due and says so; a failed backup is reported and returns false (do not migrate).</summary>
    public static async Task<bool> GuardAsync(IServiceProvider services, IEnumerable<Type> contexts, string? folder, CliOutput output,
        CancellationToken ct)
    {
        try
        {
            if (await TakeIfDueAsync(services, contexts, folder, ct) is { } path)
            {
                await output.Out.WriteLineAsync(
                    $"backed up the database to {path} before migrating ('jiedan restore FILE' undoes an upgrade)");
            }
            return true;
        }
        catch (Exception e) when (e is BackupFileException or ToolFailedException or IOException or UnauthorizedAccessException)
        {
            output.Fail($"not migrated: the backup taken before migrations failed: {e.Message}; fix that, or set {SwitchVariable}=0 "
                + "to migrate without a backup", ExitCodes.DatabaseError);
            return false;
        }
    }

    /// <summary>
    /// <c>--backup-dir</c>, else <c>JIEDAN_BACKUP_DIR</c>, else <c>backups/</c> beside a SQLite file, else the user's data folder.
    /// </summary>
    public static string Folder(DatabaseTarget target, string? chosen = null)
    {
        if (chosen is { Length: > 0 }) return Path.GetFullPath(chosen);
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        if (target.SqliteFile is { } file) return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "backups");
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "jiedan", "backups");
    }
}
