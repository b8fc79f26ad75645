using Jiedan.Domain.Bot;
using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Tests.Bot;

public class RequirementParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Chinese_numbered_list_with_acceptance_budget_and_deadline()
    {
        const string text = """
            需求如下：
            1. 用户注册登录接口，验收：返回 JWT，错误码符合文档
            2、订单 CRUD API
               验收标准：覆盖率 ≥ 80%
            3) 部署到 Kubernetes
            预算：5万元
            截止日期：2026年12月20日
            """;
        var draft = RequirementParser.Parse(text, Today);
        Assert.Equal(3, draft.Items.Count);
        Assert.Equal(new RequirementItem(1, "用户注册登录接口", "返回 JWT，错误码符合文档"), draft.Items[0]);
        Assert.Equal(new RequirementItem(2, "订单 CRUD API", "覆盖率 ≥ 80%"), draft.Items[1]);
        Assert.Equal(new RequirementItem(3, "部署到 Kubernetes", null), draft.Items[2]);
        Assert.Equal(new Money(50_000m, Currency.Cny), draft.Budget);
        Assert.Equal(new DateOnly(2026, 12, 20), draft.Deadline);
    }

    [Fact]
    public void English_sentences_with_dollar_budget_and_relative_deadline()
    {
        const string text = "We need a REST API for invoices. Acceptance: p99 under 200 ms. It must export CSV; Budget: $2,500. Deliver " +
            "within 2 weeks.";
        var draft = RequirementParser.Parse(text, Today);
        Assert.Equal(new Money(2_500m, Currency.Usd), draft.Budget);
        Assert.Equal(Today.AddDays(14), draft.Deadline);
        Assert.Contains(draft.Items, i => i.Text.Contains("REST API for invoices", StringComparison.Ordinal));
        Assert.Contains(draft.Items, i => i.Text.Contains("export CSV", StringComparison.Ordinal));
        Assert.DoesNotContain(draft.Items, i => i.Text.Contains("Budget", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, draft.Items.Count), draft.Items.Select(i => i.Number));
    }

    [Theory]
    [InlineData("预算 3000 元", 3000, "CNY")]
    [InlineData("budget 5k USD", 5000, "USD")]
    [InlineData("预算：¥12,000", 12000, "CNY")]
    [InlineData("budget is 800 美元", 800, "USD")]
    [InlineData("预算 2万", 20000, "CNY")]
    public void Budgets(string text, decimal amount, string currency) =>
        Assert.Equal(new Money(amount, Currency.Parse(currency)), RequirementParser.FindBudget(text));

    [Theory]
    [InlineData("截止：2026-12-01", "2026-12-01")]
    [InlineData("deadline: 2027/01/15", "2027-01-15")]
    [InlineData("工期 10 天", "2026-12-05")]
    [InlineData("deadline 2026-02-30", null)]
    [InlineData("no dates here", null)]
    public void Deadlines(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RequirementParser.FindDeadline(text, Today));

    [Theory]
    [InlineData("需求：开发一个小程序，预算 1 万", true)]
    [InlineData("We need to build a CLI tool", true)]
    [InlineData("你好，在吗？", false)]
    [InlineData("I need help", false)]
    public void Keyword_detection(string text, bool expected) => Assert.Equal(expected, new BotOptions().IsRequirement(text));

    [Fact]
    public void Keywords_are_configurable()
    {
        var options = new BotOptions { Keywords = ["scope"], MinimumKeywordMatches = 1 };
        Assert.True(options.IsRequirement("Here is the SCOPE"));
        Assert.False(options.IsRequirement("需求：开发一个小程序"));
    }
}
