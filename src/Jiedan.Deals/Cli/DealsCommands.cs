using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Deals.Cli;

/// <summary><c>jiedan deals add|list|show|move|update|import|export</c>.</summary>
public static class DealsCommands
{
    public static Command Create()
    {
        var deals = new Command("deals", "Create, list, move, edit, import and export deals");
        deals.Subcommands.Add(Add());
        deals.Subcommands.Add(List());
        deals.Subcommands.Add(Show());
        deals.Subcommands.Add(Move());
        deals.Subcommands.Add(DealsUpdateCommand.Create());
        deals.Subcommands.Add(DealsTransferCommands.Import());
        deals.Subcommands.Add(DealsTransferCommands.Export());
        return deals;
    }

    private static Command Add()
    {
        var client = new Option<string>("--client") { Description = "Client name", Required = true };
        var platform = new Option<string>("--platform") { Description = "Where the order came from", Required = true };
        var category = new Option<string?>("--category");
        var seniority = new Option<string?>("--seniority");
        var budget = new Option<decimal?>("--budget");
        var currency = new Option<string?>("--currency") { Description = "ISO code, e.g. USD or CNY" };
        var tags = new Option<string?>("--tags") { Description = "Comma-separated tech tags" };
        var notes = new Option<string?>("--notes");
        var externalId = new Option<string?>("--external-id");
        var stage = new Option<string?>("--stage") { Description = "Initial stage (default: the first)" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When it entered that stage (default: now)" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("add", "Add a deal");
        foreach (var o in new Option[] { client, platform, category, seniority, budget, currency, tags, notes, externalId, stage, at, db,
            json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var request = new CreateDealRequest(parse.GetValue(client), parse.GetValue(platform), parse.GetValue(category),
                parse.GetValue(seniority),
                parse.GetValue(budget), parse.GetValue(currency),
                    parse.GetValue(tags)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(notes), parse.GetValue(externalId), parse.GetValue(stage), parse.GetValue(at));
            var (draft, errors) = DealRequestValidation.ToDraft(request);
            if (draft is null) return output.Fail(ValidationErrors.Describe(errors, "--"));
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct);
            var store = services.CreateScope().ServiceProvider.GetRequiredService<DealStore>();
            return await store.CreateAsync(draft, request.Stage, request.At, Environment.UserName, ct) switch
            {
                MoveResult.Moved m => parse.GetValue(json)
                    ? output.WriteJson(DealDto.From(m.Deal, true)) : Done(output,
                    $"Created deal {m.Deal.Id} ({m.Deal.Client}) in {m.Deal.Stage}."),
                MoveResult.Rejected r => output.Fail($"--{r.Field}: {r.Reason}"),
                var other => output.Fail(other.ToString()),
            };
        });
        return command;
    }

    private static Command List()
    {
        var filters = new DealFilterOptions();
        var stage = new Option<string?>("--stage");
        var search = new Option<string?>("--search") { Description = "Part of the client name or external id" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100 };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List deals, most recently changed first");
        filters.AddTo(command);
        foreach (var o in new Option[] { stage, search, limit, db, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (query, error) = filters.Read(parse, parse.GetValue(stage), parse.GetValue(search), parse.GetValue(limit));
            if (query is null) return output.Fail(error!);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct);
            var list = await services.CreateScope().ServiceProvider.GetRequiredService<DealStore>().ListAsync(query, ct);
            if (parse.GetValue(json)) return output.WriteJson(list.Select(d => DealDto.From(d)));
            var table = output.NewTable("Id", "Client", "Platform", "Category", "Stage", "Budget", "Updated");
            foreach (var d in list)
                table.AddRow(d.Id.ToString(CultureInfo.InvariantCulture), CliOutput.Escape(d.Client), d.Platform, d.Category, d.Stage,
                    d.BudgetAmount is { } b ? $"{b:#,0.##} {d.BudgetCurrency}" : "",
                        d.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            output.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "Deal id" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("show", "Show a deal and its timeline") { id, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct);
            var store = services.CreateScope().ServiceProvider.GetRequiredService<DealStore>();
            var deal = await store.GetAsync(parse.GetValue(id), ct);
            if (deal is null) return output.Fail($"no deal with id {parse.GetValue(id)}", ExitCodes.CheckFailed);
            if (parse.GetValue(json)) return output.WriteJson(DealDto.From(deal, withEvents: true));
            output.Out.WriteLine($"#{deal.Id} {deal.Client} · {deal.Platform} · {deal.Category} · {deal.Seniority}" +
                $" · stage {deal.Stage} (version {deal.Version})");
            if (deal.BudgetAmount is { } b) output.Out.WriteLine($"Budget: {b:#,0.##} {deal.BudgetCurrency}");
            var table = output.NewTable("#", "From", "To", "At (UTC)", "By", "Reason");
            foreach (var e in deal.Events.OrderBy(e => e.Seq))
                table.AddRow(e.Seq.ToString(CultureInfo.InvariantCulture), e.FromStage ?? "", e.ToStage,
                    e.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), CliOutput.Escape(e.Actor), CliOutput.Escape(e.Reason));
            output.Console.Write(table);
            var changes = await store.ChangesAsync(deal.Id, ct);
            if (changes.Count == 0) return ExitCodes.Ok;
            output.Out.WriteLine("Changes (newest first):");
            var history = output.NewTable("At (UTC)", "By", "Field", "Before", "After");
            foreach (var c in changes)
                history.AddRow(c.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), CliOutput.Escape(c.Actor), c.Field,
                    CliOutput.Escape(c.OldValue), CliOutput.Escape(c.NewValue));
            output.Console.Write(history);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Move()
    {
        var id = new Argument<long>("id") { Description = "Deal id" };
        var stage = new Argument<string>("stage") { Description = "Target stage (or Lost)" };
        var reason = new Option<string?>("--reason") { Description = "Why the deal was lost (required for Lost)" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When (default: now)" };
        var version = new Option<int?>("--version") { Description = "Fail with exit 1 if the deal is no longer at this version" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("move", "Move a deal to another stage") { id, stage, reason, at, version, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct);
            var store = services.CreateScope().ServiceProvider.GetRequiredService<DealStore>();
            return await store.MoveAsync(parse.GetValue(id), parse.GetValue(version), parse.GetValue(stage)!, parse.GetValue(at),
                Environment.UserName, parse.GetValue(reason), ct) switch
            {
                MoveResult.Moved m => parse.GetValue(json)
                    ? output.WriteJson(DealDto.From(m.Deal, true)) : Done(output,
                    $"Deal {m.Deal.Id} is now in {m.Deal.Stage} (version {m.Deal.Version})."),
                MoveResult.NotFound => output.Fail($"no deal with id {parse.GetValue(id)}"),
                MoveResult.Stale s => output.Fail($"the deal changed: it is at version {s.CurrentVersion}, not {parse.GetValue(version)}",
                    ExitCodes.CheckFailed),
                MoveResult.Rejected r => output.Fail($"{r.Field}: {r.Reason}"),
                var other => output.Fail(other.ToString()),
            };
        });
        return command;
    }

    internal static int Done(CliOutput output, string message)
    {
        output.Out.WriteLine(message);
        return ExitCodes.Ok;
    }
}
