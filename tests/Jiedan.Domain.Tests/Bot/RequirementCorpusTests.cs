using System.Globalization;

namespace Jiedan.Domain.Tests.Bot;

/// <summary>The parser against requirement messages written the way clients write them (see the corpus file's header).</summary>
public class RequirementCorpusTests
{
    private const double Required = 0.95;

    [Fact]
    public void The_corpus_has_at_least_60_messages_from_every_channel()
    {
        var corpus = RequirementCorpus.Load();
        Assert.True(corpus.Messages.Count >= 60, $"{corpus.Messages.Count} messages");
        Assert.Equal(corpus.Messages.Count, corpus.Messages.Select(m => m.Id).Distinct().Count());
        foreach (var channel in new[] { "wechat", "wecom", "telegram", "upwork" })
            Assert.Contains(corpus.Messages, m => m.Style.StartsWith(channel, StringComparison.Ordinal));
        Assert.Contains(corpus.Messages, m => m.Style.EndsWith("-voice", StringComparison.Ordinal));
    }

    [Fact]
    public void Items_deadline_and_budget_are_each_read_right_in_at_least_95_percent_of_messages()
    {
        var score = RequirementCorpus.Load().Run();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"requirement corpus: {score.Messages} messages; items {score.ItemAccuracy:P1}, deadline {score.DeadlineAccuracy:P1}, " +
            $"budget {score.BudgetAccuracy:P1}");
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        foreach (var failure in score.Failures) TestContext.Current.TestOutputHelper?.WriteLine(failure);
        var report = summary + Environment.NewLine + string.Join(Environment.NewLine, score.Failures);
        Assert.True(score.ItemAccuracy >= Required, report);
        Assert.True(score.DeadlineAccuracy >= Required, report);
        Assert.True(score.BudgetAccuracy >= Required, report);
    }

    /// <summary>Messages the parser was not tuned on: the figure is reported (BENCHMARKS.md), the test only checks it runs.</summary>
    [Theory]
    [InlineData(RequirementCorpus.HeldOut, 20)]
    [InlineData(RequirementCorpus.HeldOutSecond, 15)]
    [InlineData(RequirementCorpus.HeldOutThird, 12)]
    public void The_held_out_messages_are_scored_and_reported(string file, int messages)
    {
        var score = RequirementCorpus.Load(file).Run();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {score.Messages} messages; items {score.ItemAccuracy:P1}, deadline {score.DeadlineAccuracy:P1}, " +
            $"budget {score.BudgetAccuracy:P1}"));
        foreach (var failure in score.Failures) TestContext.Current.TestOutputHelper?.WriteLine(failure);
        Assert.Equal(messages, score.Messages);
    }
}
