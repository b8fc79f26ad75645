using System.CommandLine;
using Jiedan.Cli.Backup;
using Jiedan.Common.Cli;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Db;

/// <summary>
/// <c>jiedan db migrate</c>: brings every context's schema up to date and prints what it applied. Apart from
/// <c>jiedan serve</c>, the only command that changes the schema.
/// </summary>
public static class DbCommands
{
    public static Command Create(IEnumerable<IJiedanModule> modules)
    {
        var root = new Command("db", "Database administration");
        root.Subcommands.Add(Migrate(modules));
        root.Subcommands.Add(DbCopyCommand.Create(modules));
        return root;
    }

    private static Command Migrate(IEnumerable<IJiedanModule> modules)
    {
        var (db, json, backups) = (CommonOptions.Db(), CommonOptions.Json(), PreMigrationBackup.Option());
        var command = new Command("migrate", "Create the database if needed and apply every pending migration (a database holding "
            + "data is backed up first)") { db, json, backups };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (provider, contexts) = CliServices.Build(parse.GetValue(db), Needs.All(modules));
            await using var owner = provider;
            var target = provider.GetRequiredService<DatabaseTarget>().Describe();
            var backedUp = await PreMigrationBackup.GuardAsync(provider, contexts, parse.GetValue(backups), output, ct);
            if (!backedUp) return ExitCodes.DatabaseError;
            var applied = await Migrations.ApplyAsync(provider, contexts, ct);
            if (parse.GetValue(json)) return output.WriteJson(new MigrateResult(target, applied));
            foreach (var m in applied) output.Out.WriteLine($"applied {m.Context} {m.Migration}");
            output.Out.WriteLine(applied.Count == 0
                ? $"The database at {target} is up to date."
                : $"The database at {target} is up to date: {applied.Count} migrations applied.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record MigrateResult(string Database, IReadOnlyList<PendingMigration> Applied);
}
