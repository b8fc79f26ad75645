using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Credibility;
using Jiedan.Credibility.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Tests.Backup;

/// <summary>
/// An upgrade backs up a database holding data before it migrates: the backup restores to the data as it was before the
/// upgrade; a database that is up to date or new is not backed up; a failed backup stops the migration.
/// </summary>
public sealed class PreMigrationBackupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-premigrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> Succeeds(params string[] args)
    {
        var (exit, stdout, stderr) = await CommandLine.RunAsync(args);
        Assert.True(exit == ExitCodes.Ok, $"jiedan {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    /// <summary>An older installation: every context migrated but one, as if this build had added it.</summary>
    private static async Task UndoOneContextAsync(TestDatabase db)
    {
        var (provider, _) = CliServices.Build(db.Argument, Needs.Of(CredibilityModule.RegisterData));
        await using var owner = provider;
        using var scope = provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TrustDbContext>().GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Migrating_a_database_that_holds_data_backs_it_up_first_and_the_backup_restores_it(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var restored = await TestDatabase.CreateAsync(kind);
        var backups = Path.Combine(_dir, "backups");
        await Succeeds("db", "migrate", "--db", db.Argument, "--backup-dir", backups);
        Assert.False(Directory.Exists(backups));
        await Succeeds("deals", "add", "--client", "Before the upgrade", "--platform", "Upwork", "--db", db.Argument);
        await UndoOneContextAsync(db);

        var output = await Succeeds("db", "migrate", "--db", db.Argument, "--backup-dir", backups);
        var backup = Assert.Single(Directory.GetFiles(backups));
        Assert.Contains($"backed up the database to {backup} before migrating", output);
        Assert.Matches(@"applied trust \d+_Initial", output);

        await Succeeds("db", "migrate", "--db", db.Argument, "--backup-dir", backups);
        Assert.Single(Directory.GetFiles(backups));

        await Succeeds("restore", backup, "--db", restored.Argument);
        var deals = JsonDocument.Parse(await Succeeds("deals", "list", "--json", "--db", restored.Argument)).RootElement;
        Assert.Equal("Before the upgrade", Assert.Single(deals.EnumerateArray()).GetProperty("client").GetString());
    }

    [Fact]
    public async Task A_failed_backup_stops_the_migration_and_says_how_to_go_on()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await Succeeds("db", "migrate", "--db", db.Argument);
        await Succeeds("deals", "add", "--client", "Acme", "--platform", "Upwork", "--db", db.Argument);
        await UndoOneContextAsync(db);
        var blocked = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(blocked, "not a folder");

        var (exit, _, err) = await CommandLine.RunAsync(["db", "migrate", "--db", db.Argument, "--backup-dir", blocked]);
        Assert.Equal(ExitCodes.DatabaseError, exit);
        Assert.Contains("not migrated: the backup taken before migrations failed", err);
        Assert.Contains("JIEDAN_BACKUP_BEFORE_MIGRATE=0", err);
        var (stillBehind, _, behindErr) = await CommandLine.RunAsync(["trust", "list", "--db", db.Argument]);
        Assert.Equal(ExitCodes.DatabaseError, stillBehind);
        Assert.Contains("jiedan db migrate", behindErr);
    }
}
