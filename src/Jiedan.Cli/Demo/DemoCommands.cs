using System.CommandLine;
using Jiedan.Cli.Backup;
using Jiedan.Common.Cli;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Deals.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Cli.Demo;

/// <summary>
/// <c>jiedan demo add</c> loads the demo (the synthetic deals and every module's demo rows on them) into any database, beside
/// real deals; <c>jiedan demo remove</c> deletes the demo rows, and only them. Both migrate first, as <c>jiedan db migrate</c> does.
/// </summary>
public static class DemoCommands
{
    public static Command Create(IReadOnlyList<IJiedanModule> modules)
    {
        var root = new Command("demo", "Demo data, clearly marked: add it to a database, or remove it and nothing else");
        root.Subcommands.Add(Add(modules));
        root.Subcommands.Add(Remove(modules));
        return root;
    }

    private static Command Add(IReadOnlyList<IJiedanModule> modules)
    {
        var (db, json, backups) = (CommonOptions.Db(), CommonOptions.Json(), PreMigrationBackup.Option());
        var command = new Command("add", $"Load {DemoSeeder.PortfolioSize} demo deals and each capability's demo data on them "
            + "(bot conversations, quotes, gate runs, …); refused when demo data is there already") { db, json, backups };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (provider, contexts) = CliServices.Build(parse.GetValue(db), Needs.All(modules));
            await using var owner = provider;
            if (!await MigrateAsync(provider, contexts, parse.GetValue(backups), output, ct)) return ExitCodes.DatabaseError;
            var target = provider.GetRequiredService<DatabaseTarget>().Describe();
            using (var scope = provider.CreateScope())
            {
                var taken = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().ExternalIdsTakenAsync(ct);
                if (taken.Count > 0)
                    return output.Fail($"{taken.Count} real deal(s) in {target} use external ids the demo deals take "
                        + $"({string.Join(", ", taken.Take(5))}{(taken.Count > 5 ? ", …" : "")}): nothing added");
            }
            var deals = await DemoData.AddAsync(provider, modules, onlyIntoEmpty: false, ct);
            if (deals == 0)
                return output.Fail($"the database at {target} already holds demo data: nothing added ('jiedan demo remove' deletes it)");
            if (parse.GetValue(json)) return output.WriteJson(new AddResult(target, deals));
            output.Out.WriteLine($"Added the demo to {target}: {deals} demo deals, with the demo data of every capability on them. "
                + "'jiedan demo remove' deletes it again, and nothing else.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(IReadOnlyList<IJiedanModule> modules)
    {
        var (db, json, backups) = (CommonOptions.Db(), CommonOptions.Json(), PreMigrationBackup.Option());
        var command = new Command("remove", "Delete the demo deals and every demo row; real deals and their data are not touched")
            { db, json, backups };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (provider, contexts) = CliServices.Build(parse.GetValue(db), Needs.All(modules));
            await using var owner = provider;
            if (!await MigrateAsync(provider, contexts, parse.GetValue(backups), output, ct)) return ExitCodes.DatabaseError;
            var target = provider.GetRequiredService<DatabaseTarget>().Describe();
            var removed = await DemoData.RemoveAsync(provider, modules, ct);
            var deals = removed.Deals;
            if (parse.GetValue(json))
                return output.WriteJson(new RemoveResult(target, deals.Deals, deals.StageEvents, deals.StageSpans,
                    [.. removed.Modules.Where(m => m.Rows > 0)], removed.Rows));
            if (removed.Rows == 0)
            {
                output.Out.WriteLine($"No demo data in {target}: nothing removed.");
                return ExitCodes.Ok;
            }
            var table = output.NewTable("capability", "rows removed");
            table.AddRow("deals", $"{deals.Deals} deals, {deals.StageEvents} stage events, {deals.StageSpans} spans");
            foreach (var m in removed.Modules.Where(m => m.Rows > 0)) table.AddRow(CliOutput.Escape(m.Module), CliOutput.Escape(m.Rows));
            output.Console.Write(table);
            output.Out.WriteLine($"Removed the demo from {target}: {removed.Rows} rows; real deals and their data are untouched.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>As <c>jiedan db migrate</c>: a database holding data is backed up before migrations change it.</summary>
    private static async Task<bool> MigrateAsync(IServiceProvider provider, IReadOnlyList<Type> contexts, string? backups, CliOutput output,
        CancellationToken ct)
    {
        if (!await PreMigrationBackup.GuardAsync(provider, contexts, backups, output, ct)) return false;
        await Migrations.ApplyAsync(provider, contexts, ct);
        return true;
    }

    private sealed record AddResult(string Database, int DemoDeals);

    private sealed record RemoveResult(string Database, int Deals, int StageEvents, int StageSpans, IReadOnlyList<DemoRowsRemoved> Modules,
        int Rows);
}
