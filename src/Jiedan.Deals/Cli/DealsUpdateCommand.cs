using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Deals.Cli;

/// <summary><c>jiedan deals update ID [--client X] …</c>: edits a deal's attributes; each changed field lands in its history.</summary>
internal static class DealsUpdateCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "Deal id" };
        var client = new Option<string?>("--client") { Description = "Client name" };
        var platform = new Option<string?>("--platform") { Description = "Where the order came from" };
        var category = new Option<string?>("--category");
        var seniority = new Option<string?>("--seniority");
        var budget = new Option<decimal?>("--budget") { Description = "New budget (keeps the currency unless --currency is given)" };
        var currency = new Option<string?>("--currency") { Description = "ISO code, e.g. USD or CNY" };
        var clearBudget = new Option<bool>("--clear-budget") { Description = "Remove the budget" };
        var notes = new Option<string?>("--notes") { Description = "New notes (an empty string clears them)" };
        var tags = new Option<string?>("--tags") { Description = "Comma-separated tech tags, replacing the current ones" };
        var version = new Option<int?>("--version") { Description = "Fail with exit 1 if the deal is no longer at this version" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("update", "Edit a deal's client, platform, category, seniority, budget, notes or tags") { id };
        foreach (var o in new Option[] { client, platform, category, seniority, budget, currency, clearBudget, notes, tags, version, db,
            json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            if (parse.GetValue(clearBudget) && parse.GetResult(budget) is not null)
                return output.Fail("--clear-budget: cannot be combined with --budget");
            var request = new UpdateDealRequest
            {
                Client = parse.GetValue(client), Platform = parse.GetValue(platform), Category = parse.GetValue(category),
                Seniority = parse.GetValue(seniority), Currency = parse.GetValue(currency), Version = parse.GetValue(version),
            };
            if (parse.GetValue(clearBudget)) request.Budget = null;
            if (parse.GetValue(budget) is { } amount) request.Budget = amount;
            if (parse.GetResult(notes) is not null) request.Notes = parse.GetValue(notes);
            if (parse.GetValue(tags) is { } list)
                request.Tags = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!Changes(request)) return output.Fail("nothing to change: give --client, --platform, --category, --seniority, " +
                "--budget, --currency, --clear-budget, --notes or --tags");

            await using var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct);
            var store = services.CreateScope().ServiceProvider.GetRequiredService<DealStore>();
            var dealId = parse.GetValue(id);
            return await store.UpdateAsync(dealId, request.Version, request.ApplyTo, Environment.UserName, ct) switch
            {
                UpdateResult.Updated u when parse.GetValue(json) => output.WriteJson(DealDto.From(u.Deal)),
                UpdateResult.Updated u => Report(output, u),
                UpdateResult.NotFound => output.Fail($"no deal with id {dealId}"),
                UpdateResult.Stale s => output.Fail($"the deal changed: it is at version {s.CurrentVersion}, not {request.Version}",
                    ExitCodes.CheckFailed),
                UpdateResult.Invalid i => output.Fail(ValidationErrors.Describe(i.Errors, "--")),
                var other => output.Fail(other.ToString()),
            };
        });
        return command;
    }

    private static bool Changes(UpdateDealRequest r) =>
        r.Client is not null || r.Platform is not null || r.Category is not null || r.Seniority is not null || r.Currency is not null
        || r.SetsBudget || r.SetsNotes || r.SetsTags;

    private static int Report(CliOutput output, UpdateResult.Updated updated)
    {
        var deal = updated.Deal;
        if (updated.Changes.Count == 0) return DealsCommands.Done(output, $"Deal {deal.Id}: nothing changed (version {deal.Version}).");
        output.Out.WriteLine($"Deal {deal.Id}: {updated.Changes.Count} change(s), now version {deal.Version}.");
        foreach (var c in updated.Changes) output.Out.WriteLine($"  {c.Field}: {Shown(c.OldValue)} -> {Shown(c.NewValue)}");
        return ExitCodes.Ok;
    }

    private static string Shown(string? value) => value is null ? "(none)" : value.Length > 60 ? value[..57] + "..." : value;
}
