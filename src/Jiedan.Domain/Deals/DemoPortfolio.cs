using System.Globalization;
using Jiedan.Domain.Calendar;
using Jiedan.Domain.Currencies;
using Jiedan.Domain.Pipeline;

namespace Jiedan.Domain.Deals;

/// <summary>A synthetic deal and its stage history, marked as demo data.</summary>
public sealed record DemoDeal(DealDraft Draft, IReadOnlyList<StageEvent> Events);

/// <summary>
/// Generates a realistic portfolio (by default 137 deals, like the seed article's sample) so a new installation shows a
/// live dashboard. Stage times are log-normal with the seed's means and deviations; deterministic for a given seed.
/// </summary>
public static class DemoPortfolio
{
    /// <summary>The external id of the demo's deal number <paramref name="number"/> (from 1): <c>demo-001</c>, <c>demo-002</c>, …</summary>
    public static string ExternalIdOf(int number) => string.Create(CultureInfo.InvariantCulture, $"demo-{number:000}");

    // (mean, sd) business days in each stage, and the chance of losing the deal there.
    private static readonly Dictionary<string, (double Mean, double Sd, double LoseRate)> Profile = new()
    {
        ["Lead"] = (1.2, 1.0, 0.10),
        ["FirstResponse"] = (3.2, 1.8, 0.12),
        ["ProposalConfirmed"] = (5.7, 4.1, 0.12),
        ["LegalReview"] = (4.6, 3.9, 0.06),
        ["StampApproval"] = (4.3, 3.6, 0.04),
        ["Signed"] = (2.0, 1.5, 0.01),
        ["Delivering"] = (24, 12, 0.03),
        ["Delivered"] = (4, 3, 0.0),
    };

    private static readonly (Platform Platform, double Weight, Currency Currency)[] Platforms =
    [
        (Platform.Upwork, 0.33, Currency.Usd), (Platform.Toptal, 0.14, Currency.Usd), (Platform.Mashi, 0.2, Currency.Cny),
        (Platform.Proginn, 0.13, Currency.Cny), (Platform.OssCrowd, 0.08, Currency.Cny), (Platform.Telegram, 0.06, Currency.Usd),
        (Platform.WeCom, 0.06, Currency.Cny),
    ];

    private static readonly string[] Clients =
    [
        "Acme Logistics", "Northwind Analytics", "Blue Harbor Pay", "Kestrel Robotics", "Lumen Health", "Orbit Freight",
        "杭州云栈科技", "深圳极光数据", "北京青禾网络", "上海澜舟信息", "成都蓝鲸智能", "南京星河软件", "Helios Energy",
        "Pine Ledger", "Copperleaf Media", "苏州云帆物联", "Atlas Mobility", "广州飞鱼互娱", "Vertex Retail", "Quill Legal",
    ];

    private static readonly string[] LostReasons =
    [
        "budget too low / 预算不足", "client chose another vendor / 客户选择了其他团队", "no reply / 客户无回复",
        "scope changed / 需求变更", "legal terms rejected / 合同条款未通过",
    ];

    private static readonly string[][] Tags =
    [
        ["go", "gin", "postgres"], ["go", "grpc", "redis"], ["go", "kubernetes", "operator"], ["go", "etl", "kafka"],
        ["go", "cli", "cobra"], ["go", "prometheus"], ["go", "github-actions"], ["go", "microservices", "refactor"],
    ];

    public static IReadOnlyList<DemoDeal> Generate(DateOnly today, BusinessCalendar calendar, PipelineStages stages, int count = 137,
        int seed = 137)
    {
        var random = new Random(seed);
        var deals = new List<DemoDeal>(count);
        for (var i = 0; i < count; i++)
        {
            var (platform, currency) = Pick(random);
            var category = (DealCategory)random.Next(0, 8);
            var seniority = (SeniorityBand)Math.Min(2, (int)Math.Floor(random.NextDouble() * 3.2));
            var budget = currency == Currency.Usd ? random.Next(20, 400) * 100m : random.Next(10, 300) * 1000m;
            var draft = new DealDraft(Clients[random.Next(Clients.Length)], platform)
            {
                ExternalId = ExternalIdOf(i + 1),
                Category = category,
                Seniority = seniority,
                Budget = new Money(budget, currency),
                Tags = Tags[(int)category % Tags.Length],
                IsDemo = true,
                Notes = "Demo deal / 演示数据",
            };
            deals.Add(new DemoDeal(draft, History(random, today.AddDays(-random.Next(0, 330)), today, calendar, stages)));
        }
        return deals;
    }

    private static List<StageEvent> History(Random random, DateOnly start, DateOnly today, BusinessCalendar calendar, PipelineStages stages)
    {
        var events = new List<StageEvent>();
        var day = calendar.AddBusinessDays(start, 0);
        var stageIndex = 0;
        // About one deal in eight stalls: its stage times are four times longer, so some open deals rot.
        var pace = random.NextDouble() < 0.125 ? 4.0 : 1.0;
        events.Add(new StageEvent(1, null, stages.First.Key, At(random, day, calendar), "demo"));
        while (stageIndex < stages.Ordered.Count - 1)
        {
            var key = stages.Ordered[stageIndex].Key;
            var (mean, sd, loseRate) = Profile.GetValueOrDefault(key, (3, 2, 0.05));
            var next = calendar.AddBusinessDays(day, (int)Math.Round(pace * LogNormalDays(random, mean, sd)));
            if (next > today) break;
            var lost = random.NextDouble() < loseRate;
            var to = lost ? PipelineStages.LostKey : stages.Ordered[stageIndex + 1].Key;
            var at = At(random, next, calendar);
            if (at <= events[^1].At) at = events[^1].At.AddMinutes(random.Next(20, 180)); // same day: later that day
            events.Add(new StageEvent(events.Count + 1, key, to, at, "demo", lost ? LostReasons[random.Next(LostReasons.Length)] : null));
            if (lost) break;
            day = next;
            stageIndex++;
        }
        return events;
    }

    private static int LogNormalDays(Random random, double mean, double sd)
    {
        var sigma2 = Math.Log(1 + sd * sd / (mean * mean));
        var mu = Math.Log(mean) - sigma2 / 2;
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(0, (int)Math.Round(Math.Exp(mu + Math.Sqrt(sigma2) * normal)));
    }

    private static DateTimeOffset At(Random random, DateOnly day, BusinessCalendar calendar)
    {
        var local = day.ToDateTime(new TimeOnly(9 + random.Next(0, 9), random.Next(0, 60)));
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static (Platform, Currency) Pick(Random random)
    {
        var x = random.NextDouble() * Platforms.Sum(p => p.Weight);
        foreach (var (platform, weight, currency) in Platforms)
        {
            if ((x -= weight) <= 0) return (platform, currency);
        }
        return (Platforms[0].Platform, Platforms[0].Currency);
    }
}
