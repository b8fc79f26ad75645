using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Common.Web;
using Jiedan.Credibility.Api;
using Jiedan.Credibility.Storage;
using Jiedan.Deals;
using Jiedan.Gate;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Credibility.Cli;

/// <summary>
/// <c>jiedan trust list</c>, <c>jiedan trust publish SLUG --project P --title T [--repository host/owner/repo]</c>,
/// <c>jiedan trust unpublish SLUG</c>. Exit 0 ok, 2 bad input (nothing stored), 3 database error.
/// </summary>
public static class TrustCommands
{
    private static readonly CliRegistration Uses = Needs.Of(DealsModule.RegisterData, GateModule.RegisterData,
        CredibilityModule.RegisterData);

    public static Command Create() => new("trust", "Opt-in public trust pages: a project's gate figures at /trust/SLUG")
    {
        List(), Publish(), Unpublish(),
    };

    private static Command List()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List the published trust pages") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            var pages = (await services.GetRequiredService<TrustPageStore>().ListAsync(ct)).Select(TrustPageDto.From).ToList();
            if (parse.GetValue(json)) return output.WriteJson(pages);
            var table = output.NewTable("Address", "Title", "Project", "Repository");
            foreach (var p in pages)
            {
                table.AddRow(CliOutput.Escape(p.Url), CliOutput.Escape(p.Title), CliOutput.Escape(p.Project),
                    CliOutput.Escape(p.Repository));
            }
            output.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Publish()
    {
        var slug = new Argument<string>("SLUG") { Description = "The page's address: /trust/SLUG" };
        var project = new Option<string>("--project") { Description = "The gate project (folder name) to show", Required = true };
        var title = new Option<string>("--title") { Description = "The page's title", Required = true };
        var repository = new Option<string?>("--repository") { Description = "host/owner/repo whose audit gives the CI pass rate" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("publish", "Publish (or update) a trust page") { slug, project, title, repository, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var request = new TrustPageRequest(parse.GetValue(project), parse.GetValue(title), parse.GetValue(repository));
            var errors = TrustPageStore.Validate(parse.GetValue(slug)!, request);
            if (errors.Count > 0) return output.Fail(ValidationErrors.Describe(errors));
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            var (page, refused) = await services.GetRequiredService<TrustPageStore>().PublishAsync(parse.GetValue(slug)!, request, ct);
            if (page is null) return output.Fail(ValidationErrors.Describe(refused));
            if (parse.GetValue(json)) return output.WriteJson(TrustPageDto.From(page));
            await output.Out.WriteLineAsync($"published {TrustPageDto.From(page).Url} (project {page.Project})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Unpublish()
    {
        var slug = new Argument<string>("SLUG") { Description = "The page's address: /trust/SLUG" };
        var db = CommonOptions.Db();
        var command = new Command("unpublish", "Withdraw a trust page") { slug, db };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            if (!await services.GetRequiredService<TrustPageStore>().UnpublishAsync(parse.GetValue(slug)!, ct))
                return output.Fail($"slug: no trust page '{parse.GetValue(slug)}'");
            await output.Out.WriteLineAsync($"withdrew /trust/{parse.GetValue(slug)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
