using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Credibility.Audit;
using Jiedan.Credibility.Storage;
using Jiedan.Domain.Credibility.Audit;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Credibility.Cli;

/// <summary>
/// <c>jiedan audit PATH [--remote URL] [--github-token T] [--github-api URL] [--coverage] [--json] [--lang zh|en] [--save
/// [--db …]]</c>: the repository audit of a local clone. Exit 0 when it ran (whatever the score), 2 on bad input (not a
/// directory, not a git repository, a bad option), 3 when --save cannot reach the database.
/// </summary>
public static class AuditCommands
{
    public static Command Create(TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        var path = new Argument<string>("PATH") { Description = "The local clone to audit" };
        var remote = new Option<string?>("--remote") { Description = "The repository URL (default: git remote get-url origin)" };
        var token = new Option<string?>("--github-token")
        {
            Description = "Read the Actions pass rate with this token (default: $JIEDAN_GITHUB_TOKEN when set)",
        };
        var api = new Option<string?>("--github-api")
        {
            Description = "GitHub API base URL (default https://api.github.com); turns the API on",
        };
        var coverage = new Option<bool>("--coverage") { Description = "Measure coverage with go test -cover (runs the repository's code)" };
        var json = CommonOptions.Json();
        var lang = new Option<string>("--lang")
        {
            Description = "Language of evidence and fixes: zh or en", DefaultValueFactory = _ => "en",
        };
        lang.AcceptOnlyFromAmong("zh", "en");
        var save = new Option<bool>("--save") { Description = "Store the audit in the database (see --db)" };
        var db = CommonOptions.Db();
        var command = new Command("audit", "Audit a Go repository as a client judges it: layout, module path, README, license, CI, "
            + "tests, activity, releases, docs, benchmarks; a score 0-100 with evidence and fixes")
        {
            path, remote, token, api, coverage, json, lang, save, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            Uri? apiUri = null;
            if (parse.GetValue(api) is { } apiText
                && (!Uri.TryCreate(apiText, UriKind.Absolute, out apiUri) || apiUri.Scheme is not ("https" or "http")))
                return output.Fail("audit: --github-api: not an http(s) URL");
            var request = new AuditRequest(parse.GetValue(path)!)
            {
                Remote = parse.GetValue(remote),
                GitHubToken = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("JIEDAN_GITHUB_TOKEN"),
                GitHubApi = apiUri,
                Coverage = parse.GetValue(coverage),
                Language = AuditLanguages.Parse(parse.GetValue(lang)),
            };
            using var http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false },
                disposeHandler: handler is null);
            AuditReport report;
            try
            {
                report = await new RepositoryInspector(clock ?? TimeProvider.System, http).AuditAsync(request, ct);
            }
            catch (AuditInputException e)
            {
                return output.Fail($"audit: {e.Message}");
            }
            RepositoryAuditRecord? stored = null;
            if (parse.GetValue(save))
            {
                await using var services = await CliServices.OpenAsync(parse.GetValue(db), CredibilityModule.RegisterData, ct);
                using var scope = services.CreateScope();
                stored = await scope.ServiceProvider.GetRequiredService<AuditStore>().SaveAsync(report, ct);
            }
            if (parse.GetValue(json)) return output.WriteJson(AuditJson.Document(report));
            Print(output, report, request.Language, stored);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliOutput output, AuditReport report, AuditLanguage l, RepositoryAuditRecord? stored)
    {
        var w = output.Out;
        w.WriteLine(l.Say($"Repository audit: {report.Repository}  score {report.Score.Score}/100",
            $"仓库审计：{report.Repository}  得分 {report.Score.Score}/100"));
        var table = output.NewTable(l.Say("check", "检查"), l.Say("result", "结果"), l.Say("weight", "权重"), l.Say("evidence", "证据"),
            l.Say("fix", "修复"));
        foreach (var c in report.Score.Checks)
            table.AddRow(CliOutput.Escape(c.Id), c.Passed ? l.Say("pass", "通过") : l.Say("FAIL", "未通过"),
                c.Weight.ToString("0", CultureInfo.InvariantCulture), CliOutput.Escape(c.Evidence), CliOutput.Escape(c.Fix));
        output.Console.Write(table);
        foreach (var s in report.Skipped.Take(10)) w.WriteLine(l.Say($"  skipped: {s}", $"  已跳过：{s}"));
        if (stored is not null) w.WriteLine(l.Say($"  stored as audit #{stored.Id}", $"  已保存为审计 #{stored.Id}"));
    }
}
