using System.CommandLine;
using System.Globalization;
using Jiedan.Accounts.Storage;
using Jiedan.Common.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Accounts.Cli;

/// <summary><c>jiedan admin setup-link</c> (new one-time link for the owner), <c>jiedan admin token</c> (API tokens) and
/// <c>jiedan admin sessions</c> (dashboard logins).</summary>
public static class AdminCommands
{
    public static Command Create()
    {
        var admin = new Command("admin", "Owner account and API tokens");
        admin.Subcommands.Add(SetupLink());
        admin.Subcommands.Add(Token());
        admin.Subcommands.Add(Sessions());
        return admin;
    }

    private static Command SetupLink()
    {
        var baseUrl = new Option<string>("--url") { Description = "The dashboard's address",
            DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = CommonOptions.Db();
        var command = new Command("setup-link",
            "Issue a new one-time link to set the owner's password (earlier links stop working)") { baseUrl, db };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), AccountsModule.RegisterData, ct);
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
        var name = new Option<string?>("--name") { Description = "Create a token for this purpose (printed once)" };
        var list = new Option<bool>("--list") { Description = "List tokens: id, name, created, last used, revoked (never the secret)" };
        var revoke = new Option<string?>("--revoke")
        {
            Description = "Revoke the token with this id, or every active token with this name",
        };
        var json = CommonOptions.Json();
        var db = CommonOptions.Db();
        var command = new Command("token", "API tokens for scripts ('Authorization: Bearer <token>'): create, list or revoke")
        {
            name, list, revoke, json, db,
        };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetValue(name) is not null, result.GetValue(list), result.GetValue(revoke) is not null }
                .Count(c => c);
            if (chosen != 1) result.AddError("give exactly one of --name NAME, --list, --revoke NAME|ID");
            if (result.GetValue(name) is { } n
                && (n.Trim().Length == 0 || n.Length > AccountService.MaxTokenNameLength || n.Contains('\0', StringComparison.Ordinal)))
                result.AddError($"--name: 1 to {AccountService.MaxTokenNameLength} characters, not blank, no NUL");
        });
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), AccountsModule.RegisterData, ct);
            var accounts = services.CreateScope().ServiceProvider.GetRequiredService<AccountService>();
            if (parse.GetValue(list)) return PrintTokens(output, await accounts.ListApiTokensAsync(ct), parse.GetValue(json));
            if (parse.GetValue(revoke) is { } which)
            {
                var revoked = await accounts.RevokeApiTokenAsync(which, ct);
                if (revoked == 0) return output.Fail($"no active API token has the id or name '{which}' (see 'jiedan admin token --list')");
                output.Out.WriteLine($"revoked {revoked} token(s) '{which}'");
                return ExitCodes.Ok;
            }
            await accounts.EnsureOwnerAsync(ct);
            output.Out.WriteLine(await accounts.CreateApiTokenAsync(await accounts.OwnerIdAsync(ct), parse.GetValue(name)!, ct));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Sessions()
    {
        var revoke = new Option<long?>("--revoke") { Description = "Log out the session with this id" };
        var revokeAll = new Option<bool>("--revoke-all") { Description = "Log out every session of the owner" };
        var json = CommonOptions.Json();
        var db = CommonOptions.Db();
        var command = new Command("sessions",
            "The owner's dashboard logins that can still be used: list them (id, browser, logged in, last active) or end them")
        {
            revoke, revokeAll, json, db,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(revoke) is not null && result.GetValue(revokeAll))
                result.AddError("give --revoke ID or --revoke-all, not both");
        });
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), AccountsModule.RegisterData, ct);
            var accounts = services.CreateScope().ServiceProvider.GetRequiredService<AccountService>();
            // Not EnsureOwnerAsync: that issues a new setup link, and the one 'jiedan serve' printed would stop working.
            // Before the first start there is no owner, and so no session.
            var owner = await accounts.FindOwnerIdAsync(ct);
            if (parse.GetValue(revoke) is { } id)
            {
                if (owner is null || !await accounts.RevokeSessionAsync(owner.Value, id, ct))
                    return output.Fail($"no active session has the id {id} (see 'jiedan admin sessions')");
                output.Out.WriteLine($"logged out session {id}");
                return ExitCodes.Ok;
            }
            if (parse.GetValue(revokeAll))
            {
                if (owner is not null) await accounts.RevokeSessionsAsync(owner.Value, ct);
                output.Out.WriteLine("logged out every session");
                return ExitCodes.Ok;
            }
            var listed = owner is null ? [] : await accounts.ListSessionsAsync(owner.Value, null, ct);
            return PrintSessions(output, listed, parse.GetValue(json));
        });
        return command;
    }

    private static int PrintSessions(CliOutput output, IReadOnlyList<AccountService.SessionView> sessions, bool json)
    {
        if (json)
            return output.WriteJson(sessions.Select(s => new
            {
                s.Id, s.Client, CreatedAt = Instant(s.CreatedAt), LastSeenAt = Instant(s.LastSeenAt),
            }));
        var table = output.NewTable("id", "browser", "logged in", "last active");
        foreach (var s in sessions)
            table.AddRow(CliOutput.Escape(s.Id), CliOutput.Escape(s.Client ?? "unknown"), Instant(s.CreatedAt)!, Instant(s.LastSeenAt)!);
        output.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static string? Instant(DateTime? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static int PrintTokens(CliOutput output, IReadOnlyList<ApiTokenRecord> tokens, bool json)
    {
        if (json)
            return output.WriteJson(tokens.Select(t => new
            {
                t.Id, t.Name, CreatedAt = Instant(t.CreatedAt), LastUsedAt = Instant(t.LastUsedAt), RevokedAt = Instant(t.RevokedAt),
            }));
        var table = output.NewTable("id", "name", "created", "last used", "revoked");
        foreach (var t in tokens)
            table.AddRow(CliOutput.Escape(t.Id), CliOutput.Escape(t.Name), Instant(t.CreatedAt)!,
                Instant(t.LastUsedAt) ?? "never", Instant(t.RevokedAt) ?? "");
        output.Console.Write(table);
        return ExitCodes.Ok;
    }
}
