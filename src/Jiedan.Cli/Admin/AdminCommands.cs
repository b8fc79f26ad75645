using System.CommandLine;
using Jiedan.Cli.Output;
using Jiedan.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Admin;

/// <summary><c>jiedan admin setup-link</c> (new one-time link for the owner) and <c>jiedan admin token</c> (API token).</summary>
public static class AdminCommands
{
    public static Command Create()
    {
        var admin = new Command("admin", "Owner account and API tokens");
        admin.Subcommands.Add(SetupLink());
        admin.Subcommands.Add(Token());
        return admin;
    }

    private static Command SetupLink()
    {
        var baseUrl = new Option<string>("--url") { Description = "The dashboard's address", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = CommonOptions.Db();
        var command = new Command("setup-link", "Issue a new one-time link to set the owner's password (earlier links stop working)") { baseUrl, db };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), ct);
            var accounts = services.CreateScope().ServiceProvider.GetRequiredService<AccountService>();
            await accounts.EnsureOwnerAsync(ct);
            var token = await accounts.IssueSetupTokenAsync(await accounts.OwnerIdAsync(ct), ct);
            output.Out.WriteLine($"{parse.GetValue(baseUrl)!.TrimEnd('/')}/setup?token={token}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Token()
    {
        var name = new Option<string>("--name") { Description = "What the token is for", Required = true };
        var db = CommonOptions.Db();
        var command = new Command("token", "Create an API token for the owner (shown once; send as 'Authorization: Bearer <token>')") { name, db };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), ct);
            var accounts = services.CreateScope().ServiceProvider.GetRequiredService<AccountService>();
            await accounts.EnsureOwnerAsync(ct);
            output.Out.WriteLine(await accounts.CreateApiTokenAsync(await accounts.OwnerIdAsync(ct), parse.GetValue(name)!, ct));
            return ExitCodes.Ok;
        });
        return command;
    }
}
