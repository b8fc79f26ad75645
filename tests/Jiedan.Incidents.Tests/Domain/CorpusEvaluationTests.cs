using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Matching;
using Jiedan.Incidents.Services;

namespace Jiedan.Incidents.Tests.Domain;

/// <summary>
/// Accuracy on the test corpus, replayed leave-one-out: every incident's alert name differs from its runbook's title, so
/// hits come from label matchers and text similarity (English and Chinese), never from the name.
/// </summary>
public class CorpusEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Leave_one_out_top3_and_confident_precision_reach_80_percent()
    {
        var corpus = KnowledgeImport.Read(Corpus.Folder);
        Assert.True(corpus.Entries.Count >= 12, "the corpus has its runbooks");
        Assert.True(corpus.Incidents.Count >= 30, "the corpus has its incidents");
        Assert.DoesNotContain(corpus.Incidents,
            i => corpus.Entries.Any(e => e.Title == i.Alert.Name || e.AlertNames.Contains(i.Alert.Name)));

        var rankers = new List<LuceneTextRanker>();
        var result = MatchEvaluation.LeaveOneOut(corpus.Entries, corpus.Incidents, docs =>
        {
            rankers.Add(new LuceneTextRanker(docs));
            return rankers[^1];
        });
        rankers.ForEach(r => r.Dispose());
        output.WriteLine($"incidents {result.Incidents} top1 {result.Top1Rate:P1} top3 {result.Top3Rate:P1} " +
            $"confident {result.Confident} precision {result.ConfidentPrecision:P1}");

        Assert.Equal(corpus.Incidents.Count, result.Incidents);
        Assert.True(result.Top3Rate >= 0.8, $"top-3 {result.Top3Rate:P1}");
        Assert.True(result.ConfidentPrecision >= 0.8, $"confident precision {result.ConfidentPrecision:P1}");
        Assert.True(result.Confident * 3 >= result.Incidents * 2, $"only {result.Confident} confident answers");
    }

    [Fact]
    public void Without_the_runbooks_an_unrelated_alert_gets_no_confident_match()
    {
        var corpus = KnowledgeImport.Read(Corpus.Folder);
        var (docs, owners) = KnowledgeMatcher.Documents(corpus.Entries, corpus.Incidents);
        using var ranker = new LuceneTextRanker(docs);
        var matcher = new KnowledgeMatcher(corpus.Entries, owners, ranker);

        var unrelated = matcher.Match(new AlertQuery("WatchdogHeartbeat", new Dictionary<string, string>(), "This alert always fires"));

        Assert.False(unrelated.Confident);
    }

    [Fact]
    public void Exact_name_and_aliases_come_first_with_their_evidence()
    {
        var corpus = KnowledgeImport.Read(Corpus.Folder);
        var (docs, owners) = KnowledgeMatcher.Documents(corpus.Entries, []);
        using var ranker = new LuceneTextRanker(docs);
        var matcher = new KnowledgeMatcher(corpus.Entries, owners, ranker);

        var alias = matcher.Match(new AlertQuery("KubeletPlegRelistSlow", new Dictionary<string, string>(), ""));
        var chinese = matcher.Match(new AlertQuery("DBConnectionPoolExhausted", new Dictionary<string, string>(), ""));

        Assert.True(alias.Confident);
        Assert.Equal("KubeletPlegDurationHigh", alias.Matches[0].Entry.Title);
        Assert.Contains("alert name KubeletPlegRelistSlow", alias.Matches[0].Evidence);
        Assert.Equal(["KubeletPlegDurationHigh", "kubelet", "worker node pool", "containerd 1.6.21"], alias.Matches[0].Entry.Path);
        Assert.Equal("数据库连接池耗尽", chinese.Matches[0].Entry.Title);
        Assert.Equal("runbooks/中文/数据库连接池耗尽.md", chinese.Matches[0].Entry.Source);
    }

    [Fact]
    public void Chinese_text_is_segmented_into_words_not_characters()
    {
        var terms = LuceneTextRanker.Terms("数据库连接池已满 Connection Pool exhausted");

        Assert.Contains("数据库", terms);
        Assert.Contains("连接", terms);
        Assert.Contains("pool", terms);
        Assert.DoesNotContain("据", terms);
    }
}
