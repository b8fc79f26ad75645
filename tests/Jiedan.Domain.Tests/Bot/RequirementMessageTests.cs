using System.Diagnostics;
using CsCheck;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Currencies;
using Jiedan.Testing.Properties;

namespace Jiedan.Domain.Tests.Bot;

/// <summary>The three reproduced bugs of issue 15 and the parser's bounds; the corpus tests cover the breadth.</summary>
public class RequirementMessageTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Theory]
    [InlineData("两周内交付", 14)]
    [InlineData("三天内完成", 3)]
    [InlineData("十天内", 10)]
    [InlineData("工期：二十天", 20)]
    [InlineData("半个月内上线", 15)]
    [InlineData("两个星期能交付吗", 14)]
    [InlineData("deliver within two weeks", 14)]
    [InlineData("Timeline: 2-3 weeks", 21)]
    public void Chinese_and_spelled_out_numbers_give_a_deadline(string text, int days) =>
        Assert.Equal(Wednesday.AddDays(days), RequirementParser.FindDeadline(text, Wednesday));

    [Theory]
    [InlineData("一个月内", "2026-12-25")]
    [InlineData("20个工作日", "2026-12-23")]
    [InlineData("下周五前", "2026-12-04")]
    [InlineData("by Friday", "2026-11-27")]
    [InlineData("月底前", "2026-11-30")]
    [InlineData("下个月底前交付", "2026-12-31")]
    [InlineData("12月20日前", "2026-12-20")]
    [InlineData("１２月１５日前", "2026-12-15")]
    [InlineData("by Jan 8", "2027-01-08")]
    [InlineData("by the 15th", "2026-12-15")]
    public void Calendar_deadlines_count_from_the_day_the_message_was_sent(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RequirementParser.FindDeadline(text, Wednesday));

    [Fact]
    public void Budget_and_deadline_clauses_after_a_comma_leave_the_item()
    {
        var draft = RequirementParser.Parse("帮忙做一个Excel导入导出的小工具，两周内交付，预算两千块", Wednesday);
        Assert.Equal([new RequirementItem(1, "帮忙做一个Excel导入导出的小工具", null)], draft.Items);
        Assert.Equal(Wednesday.AddDays(14), draft.Deadline);
        Assert.Equal(new Money(2_000m, Currency.Cny), draft.Budget);
    }

    [Fact]
    public void Content_clauses_keep_their_commas_and_lose_only_the_terms()
    {
        var draft = RequirementParser.Parse("你好，我们需要一个企业官网，要有产品展示和在线留言，预算3千，下周五前上线，谢谢", Wednesday);
        Assert.Equal("我们需要一个企业官网，要有产品展示和在线留言", Assert.Single(draft.Items).Text);
    }

    [Fact]
    public void A_sentence_that_only_states_terms_is_no_item()
    {
        var alone = RequirementParser.Parse("Budget $800, deliver within 5 days.", Wednesday);
        Assert.Empty(alone.Items);
        Assert.Equal((new Money(800m, Currency.Usd), Wednesday.AddDays(5)), (alone.Budget!.Value, alone.Deadline!.Value));

        const string text = "Scrape reviews from 3 sites into a Google Sheet. Budget $800, deliver within 5 days.";
        var draft = RequirementParser.Parse(text, Wednesday);
        Assert.Equal("Scrape reviews from 3 sites into a Google Sheet", Assert.Single(draft.Items).Text);
    }

    [Fact]
    public void A_period_without_delivery_context_is_no_deadline()
    {
        var draft = RequirementParser.Parse("做个退货小程序：\n- 支持7天无理由退货申请\n- 客服审核", Wednesday);
        Assert.Null(draft.Deadline);
        Assert.Equal(["做个退货小程序", "支持7天无理由退货申请", "客服审核"], draft.Items.Select(i => i.Text));
    }

    /// <summary>The parser on main threw FormatException here: \d matched the full-width digits decimal.Parse refused.</summary>
    [Theory]
    [InlineData("做个官网，预算￥６０００", 6000)]
    [InlineData("预算 ٣٠٠٠ 元", null)]
    [InlineData("截止 ٢٠٢٦-١٢-٢٠，预算 1 万元", 10000)]
    public void Digits_of_other_scripts_are_read_or_ignored_never_thrown(string text, int? amount) =>
        Assert.Equal(amount is null ? null : new Money(amount.Value, Currency.Cny), RequirementParser.Parse(text, Wednesday).Budget);

    [Fact]
    public void A_rate_is_no_budget() =>
        Assert.Null(RequirementParser.Parse("Clean our sales data in Power BI. Rate up to $35/hr.", Wednesday).Budget);

    [Fact]
    public void A_voice_run_is_cut_at_its_terms_and_connectives()
    {
        var draft = RequirementParser.Parse("我想做一个预约洗车的小程序然后要有会员卡功能还有后台能看订单预算大概五千块两周内能做完吗", Wednesday);
        Assert.Equal(["我想做一个预约洗车的小程序", "要有会员卡功能", "后台能看订单"], draft.Items.Select(i => i.Text));
        Assert.Equal((new Money(5_000m, Currency.Cny), Wednesday.AddDays(14)), (draft.Budget!.Value, draft.Deadline!.Value));
    }

    [Fact]
    public void Emoji_and_keycap_numbers_are_list_markers_not_text()
    {
        var draft = RequirementParser.Parse("需要做个小程序📱\n1️⃣ 在线点餐\n2️⃣ 会员储值\n预算💰 1w", Wednesday);
        Assert.Equal(["需要做个小程序", "在线点餐", "会员储值"], draft.Items.Select(i => i.Text));
        Assert.Equal(new Money(10_000m, Currency.Cny), draft.Budget);
    }

    /// <summary>Past <see cref="RequirementParser.MaxChars"/> nothing is read, and hostile runs of digits, separators and
    /// spaces stay far inside any time bound (each pattern is bounded; a timeout would give an empty draft).</summary>
    [Fact]
    public void Hostile_text_is_read_within_bounds()
    {
        var terms = "预算" + string.Concat(Enumerable.Repeat("1,", 4_000));
        var spaces = "budget" + new string(' ', 7_000) + "1" + new string(' ', 900) + "k";
        var numerals = string.Concat(Enumerable.Repeat("一万五千两百三十天内", 800));
        var stopwatch = Stopwatch.StartNew();
        foreach (var text in new[] { terms, spaces, numerals, new string('.', 20_000), string.Concat(Enumerable.Repeat("1. a\n", 5_000)) })
        {
            var draft = RequirementParser.Parse(text, Wednesday);
            Assert.Equal(Enumerable.Range(1, draft.Items.Count), draft.Items.Select(i => i.Number));
            Assert.True(draft.Items.Sum(i => i.Text.Length) <= RequirementParser.MaxChars);
        }
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Null(RequirementParser.Parse(new string('x', RequirementParser.MaxChars) + " 预算5000", Wednesday).Budget);
    }

    [Fact]
    public void Any_text_gives_numbered_items_or_none() =>
        HostileText.Text(40).Sample(text =>
        {
            var draft = RequirementParser.Parse(text, Wednesday);
            Assert.Equal(Enumerable.Range(1, draft.Items.Count), draft.Items.Select(i => i.Number));
            Assert.All(draft.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
        }, iter: HostileText.Iterations, threads: 1);
}
