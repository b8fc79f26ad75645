using System.CommandLine;
using Jiedan.Cli.Output;
using Jiedan.Data.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Db;

/// <summary>
/// <c>jiedan db migrate</c>: brings every context's schema up to date and prints what it applied. Apart from
/// <c>jiedan serve</c>, the only command that changes the schema.
/// </summary>
public static class DbCommands
{
    public static Command Create()
    {
        var root = new Command("db", "Database administration");
        root.Subcommands.Add(Migrate());
        return root;
    }

    private static Command Migrate()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("migrate", "Create the database if needed and apply every pending migration") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (provider, contexts) = CliServices.Build(parse.GetValue(db), Needs.AllContexts);
            await using var owner = provider;
            var target = provider.GetRequiredService<DatabaseTarget>().Describe();
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
