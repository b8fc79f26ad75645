using System.Globalization;
using System.Text;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Rates;
using Jiedan.Quote.Services;
using Jiedan.Quote.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Quote.Demo;

/// <summary>
/// Quotes on demo deals, priced by the real use case (<see cref="QuoteService"/>) from specs written for each deal's kind of
/// project, with the proposal terms (architecture, support window, milestones) so the proposal PDF is complete. Each quote
/// is issued on a fixed day before today and its title says it is demo data.
/// </summary>
public sealed class QuoteDemoSeeder(IServiceProvider services, IMarketRateSource rates, DealsDbContext deals,
    IDbContextFactory<QuotesDbContext> contexts, TimeProvider clock)
{
    public const int DealsQuoted = 8;
    public const string TitleMark = "（演示 demo）";

    private sealed record Project(string Title, string Architecture, string[] Features, int Lines, int P99Ms, decimal Uptime);

    private static readonly Dictionary<DealCategory, Project> Projects = new()
    {
        [DealCategory.ApiService] = new("订单服务 API Order service API", "flowchart LR\n  app[Web / App] --> api[Go API]\n"
            + "  api --> pg[(PostgreSQL)]\n  api --> mq[[Kafka]]",
            ["下单 Place order: OrderCreated(EI average) → InventoryDeduct(ILF average) → OrderConfirmed(EO average)",
                "查询订单 Order lookup: OrderConfirmed → OrderQueried(EQ low)"], 9800, 150, 99.9m),
        [DealCategory.DataPipeline] = new("数据管道 Data pipeline", "flowchart LR\n  src[(MySQL binlog)] --> etl[Go ETL]\n"
            + "  etl --> dw[(ClickHouse)]",
            ["同步 Sync: BinlogRead(EIF average) → RowTransformed(EI high) → WarehouseLoaded(ILF high)",
                "报表 Report: WarehouseLoaded → DailyReport(EO average)"], 14200, 400, 99.5m),
        [DealCategory.InfrastructureTool] = new("运维工具 Infrastructure tool", "flowchart LR\n  cli[CLI] --> agent[Agent]\n"
            + "  agent --> prom[(Prometheus)]",
            ["巡检 Health sweep: HostListed(EQ low) → CheckRun(EI average) → AlertRaised(EO average)"], 6400, 300, 99.5m),
        [DealCategory.CliTool] = new("命令行工具 CLI tool", "flowchart LR\n  user[User] --> cli[Go CLI]\n  cli --> api[(REST API)]",
            ["导出 Export: ProjectSelected(EQ low) → ExportWritten(EO average)",
                "配置 Configure: ConfigSaved(ILF low)"], 3800, 500, 99.0m),
        [DealCategory.MicroserviceRefactor] = new("微服务拆分 Microservice refactor", "flowchart LR\n  gw[Gateway] --> users[users svc]\n"
            + "  gw --> orders[orders svc]\n  orders --> pg[(PostgreSQL)]",
            ["用户 Users: UserRegistered(EI average) → UserStored(ILF average)",
                "订单 Orders: OrderPlaced(EI high) → OrderStored(ILF high) → InvoiceSent(EO average)"], 21000, 200, 99.95m),
        [DealCategory.KubernetesOperator] = new("Kubernetes Operator", "flowchart LR\n  crd[CRD] --> op[Operator]\n"
            + "  op --> k8s[(Kubernetes API)]",
            ["调和 Reconcile: ResourceChanged(EIF average) → DesiredStateComputed(EI high) → StatusUpdated(EO average)"],
            7600, 1000, 99.9m),
        [DealCategory.CiCdPlugin] = new("CI/CD 插件 CI/CD plugin", "flowchart LR\n  ci[GitHub Actions] --> plugin[Go plugin]\n"
            + "  plugin --> reg[(Registry)]",
            ["发布 Release: TagPushed(EI low) → ArtifactBuilt(EO average) → ArtifactPublished(EIF low)"], 4200, 800, 99.0m),
        [DealCategory.Other] = new("定制开发 Custom development", "flowchart LR\n  web[Web] --> api[Go API]\n  api --> db[(SQLite)]",
            ["表单 Form: FormSubmitted(EI average) → RecordStored(ILF low) → ReceiptSent(EO low)"], 5200, 300, 99.5m),
    };

    private static readonly string[] SupportWindows =
    [
        "工作日 09:00-18:00 UTC+8，4 小时内首次响应 weekdays 09:00-18:00 UTC+8, first reply within 4 h",
        "weekdays 09:00-17:00 UTC, first reply within 8 h; P1 incidents 24/7 within 1 h",
    ];

    /// <summary>Prices and stores the quotes; returns how many it stored.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var table = await rates.LoadAsync(ct);
        var candidates = await deals.Deals.AsNoTracking().Where(d => d.IsDemo).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Client, d.Platform, d.Seniority, d.Category, d.BudgetAmount, d.BudgetCurrency }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var stored = 0;
        foreach (var deal in candidates)
        {
            if (stored == DealsQuoted) break;
            if (!Enum.TryParse<Platform>(deal.Platform, out var platform) || !Enum.TryParse<SeniorityBand>(deal.Seniority, out var band)
                || table.Find(platform, band) is not { } rate) continue;
            var category = Enum.TryParse<DealCategory>(deal.Category, out var c) ? c : DealCategory.Other;
            var issued = now.AddDays(-(4 * stored + 3)).AddHours(-(stored % 5));
            var budget = deal.BudgetCurrency == rate.Low.Currency.Code ? deal.BudgetAmount : null;
            var spec = Spec(Projects[category], deal.Client, platform, band, rate, budget, DateOnly.FromDateTime(issued.UtcDateTime),
                stored);
            // The real use case, on a clock fixed at the day the quote was issued.
            var quotes = ActivatorUtilities.CreateInstance<QuoteService>(services, new FixedClock(issued));
            var prepared = await quotes.PrepareAsync(spec, "demo", Directory.GetCurrentDirectory(), null, ct);
            await quotes.SaveAsync(prepared, deal.Id, ct);
            stored++;
        }
        return stored;
    }

    /// <summary>Deletes the quotes on demo deals.</summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<long> demoDealIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Quotes.Where(q => q.DealId != null && demoDealIds.Contains(q.DealId.Value)).ExecuteDeleteAsync(ct);
    }

    private static string Spec(Project p, string client, Platform platform, SeniorityBand band, MarketRate rate, decimal? budget,
        DateOnly issued, int n)
    {
        var inv = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder();
        yaml.AppendLine(inv, $"title: {Quoted(p.Title + " " + TitleMark)}");
        yaml.AppendLine(inv, $"client: {Quoted(client)}");
        yaml.AppendLine(inv, $"platform: {platform.ToString().ToLowerInvariant()}");
        yaml.AppendLine(inv, $"seniority: {band.ToString().ToLowerInvariant()}");
        yaml.AppendLine(inv, $"currency: {rate.Low.Currency.Code}");
        yaml.AppendLine(inv, $"size:\n  lines: {p.Lines + 350 * n}");
        yaml.AppendLine("function_points:");
        var rated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in p.Features)
        {
            var colon = feature.IndexOf(':', StringComparison.Ordinal);
            var (name, chain) = (feature[..colon], feature[(colon + 1)..]);
            var steps = chain.Split('→', StringSplitOptions.TrimEntries);
            yaml.AppendLine(inv, $"  - feature: {Quoted(name)}");
            yaml.AppendLine(inv, $"    chain: {string.Join(" → ", steps.Select(s => s.Split('(')[0]))}");
            yaml.AppendLine("    steps:");
            foreach (var step in steps.Where(s => s.Contains('(', StringComparison.Ordinal)))
            {
                var eventName = step.Split('(')[0];
                if (rated.Add(eventName)) yaml.AppendLine(inv, $"      {eventName}: {step.Split('(')[1].TrimEnd(')')}");
            }
        }
        yaml.AppendLine(inv, $"sla:\n  p99_ms: {p.P99Ms}\n  uptime_percent: {p.Uptime.ToString(inv)}");
        yaml.AppendLine(inv, $"  support: {Quoted(SupportWindows[n % SupportWindows.Length])}");
        yaml.AppendLine(inv, $"tech_debt:\n  ratio_percent: {(n * 3) % 15}");
        yaml.AppendLine("validity_days: 30");
        yaml.AppendLine("architecture: |");
        foreach (var line in p.Architecture.Split('\n')) yaml.AppendLine("  " + line);
        yaml.AppendLine("milestones:");
        string[] names = ["设计评审 Design review", "首个可用版本 First working release", "验收交付 Acceptance and handover"];
        decimal[] shares = [0.3m, 0.4m, 0.3m];
        for (var i = 0; i < names.Length; i++)
        {
            yaml.AppendLine(inv, $"  - name: {Quoted(names[i])}");
            yaml.AppendLine(inv, $"    due: {issued.AddDays(14 * (i + 1)).ToString("yyyy-MM-dd", inv)}");
            if (budget is { } b) yaml.AppendLine(inv, $"    amount: {Math.Round(b * shares[i], 0).ToString(inv)}");
        }
        return yaml.ToString();
    }

    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The clock a demo quote is issued on.</summary>
    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
