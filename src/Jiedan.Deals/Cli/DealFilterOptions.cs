using System.CommandLine;
using Jiedan.Deals.Storage;

namespace Jiedan.Deals.Cli;

/// <summary>The slice and period filters shared by <c>deals list</c>, <c>deals export</c> and <c>pipeline report</c>.</summary>
public sealed class DealFilterOptions
{
    public Option<string?> Platform { get; } =
        new("--platform") { Description = "Upwork, Toptal, Mashi (码市), Proginn (程序员客栈), OssCrowd, Telegram, WeCom, Direct, Other" };
    public Option<string?> Category { get; } =
        new("--category") { Description = "ApiService, DataPipeline, InfrastructureTool, CliTool, MicroserviceRefactor," +
            " KubernetesOperator, CiCdPlugin, Other" };
    public Option<string?> Seniority { get; } = new("--seniority") { Description = "Junior, Mid, Senior" };
    public Option<DateOnly?> From { get; } = new("--from") { Description = "Leads from this date (yyyy-MM-dd)" };
    public Option<DateOnly?> To { get; } = new("--to") { Description = "Leads before this date (yyyy-MM-dd)" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Platform, Category, Seniority, From, To }) command.Options.Add(o);
    }

    public (DealQuery? Query, string? Error) Read(ParseResult parse, string? stage = null, string? search = null, int limit = 500)
    {
        var (query, field, error) = DealQueryParser.Parse(parse.GetValue(Platform), parse.GetValue(Category), parse.GetValue(Seniority),
            parse.GetValue(From), parse.GetValue(To), stage, search, limit);
        return query is null ? (null, $"--{field}: {error}") : (query, null);
    }
}
