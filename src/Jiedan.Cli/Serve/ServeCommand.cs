using System.CommandLine;
using Jiedan.Cli.Backup;
using Jiedan.Common.Cli;
using Jiedan.Common.Storage;
using Jiedan.Web.Host;
using Microsoft.Extensions.Hosting;

namespace Jiedan.Cli.Serve;

/// <summary><c>jiedan serve</c>: the dashboard, API, webhooks, /health and /metrics in this process.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo")
        {
            Description = "Load the demo (137 synthetic deals and every capability's demo data on them) into an empty database",
        };
        var (db, backups) = (CommonOptions.Db(), PreMigrationBackup.Option());
        var command = new Command("serve", "Run the web dashboard and API") { urls, demo, db, backups };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var target = DatabaseTarget.FromArgumentOrEnvironment(parse.GetValue(db));
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries);
            var app = JiedanApp.Build(new JiedanAppOptions(target)
            {
                Urls = listen,
                SeedDemoData = parse.GetValue(demo),
                Announcements = output.Out,
                EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production",
            });
            var backedUp = await PreMigrationBackup.GuardAsync(app.Services, JiedanDb.ContextTypes, parse.GetValue(backups), output, ct);
            if (!backedUp) return ExitCodes.DatabaseError;
            await JiedanApp.PrepareAsync(app, ct);
            await app.StartAsync(ct);
            output.Out.WriteLine($"Jiedan {HealthEndpoint.Version} is running on {string.Join(", ", listen)} ({target.Describe()}).");
            output.Out.WriteLine($"Dashboard: {listen[0].TrimEnd('/')}/  ·  log in as 'owner'" +
                $"  ·  API: /api/v1 (OpenAPI: /openapi/v1.json)  ·  Ctrl-C stops.");
            await output.Out.FlushAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
