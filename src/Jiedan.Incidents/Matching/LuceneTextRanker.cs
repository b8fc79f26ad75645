using Jiedan.Domain.Incidents;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Store = Lucene.Net.Documents.Field.Store;

namespace Jiedan.Incidents.Matching;

/// <summary>
/// BM25 (Lucene's <see cref="BM25Similarity"/>, k1 1.2, b 0.75) over an in-memory index, with Lucene's SmartCn analyzer:
/// Chinese is segmented by its HMM word model, English is lower-cased and Porter-stemmed. A score is divided by the
/// most the query's known words could score (Σ idf·(k1+1)), so it lies in [0, 1) whatever the query's length.
/// </summary>
public sealed class LuceneTextRanker : ITextRanker, IDisposable
{
    private const string Field = "text";
    private const string Number = "n";
    private const int MaxQueryTerms = 512;
    private const float K1 = 1.2f;
    private static readonly Analyzer Analyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<HashSet<string>> _terms;

    public LuceneTextRanker(IReadOnlyList<string> documents)
    {
        var similarity = new BM25Similarity(K1, 0.75f);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer) { Similarity = similarity };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < documents.Count; i++)
                writer.AddDocument(new Document { new TextField(Field, documents[i], Store.NO), new StoredField(Number, i) });
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
        _terms = [.. documents.Select(d => Terms(d).ToHashSet(StringComparer.Ordinal))];
    }

    /// <summary>The analyzer's words for <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream(Field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    public IReadOnlyList<TextHit> Rank(string query, int max)
    {
        var n = _reader.MaxDoc;
        var known = Terms(query).Distinct(StringComparer.Ordinal)
            .Select(t => (Term: t, Df: _reader.DocFreq(new Term(Field, t)))).Where(t => t.Df > 0).Take(MaxQueryTerms).ToList();
        if (known.Count == 0 || n == 0) return [];
        var boolean = new BooleanQuery();
        foreach (var (t, _) in known) boolean.Add(new TermQuery(new Term(Field, t)), Occur.SHOULD);
        // The highest score a document could reach for this query: every known word with unbounded frequency.
        var ceiling = known.Sum(t => Math.Log(1 + (n - t.Df + 0.5) / (t.Df + 0.5)) * (K1 + 1));
        return [.. _searcher.Search(boolean, max).ScoreDocs.Select(hit =>
        {
            var doc = _searcher.Doc(hit.Doc).GetField(Number).GetInt32Value()!.Value;
            var words = known.Select(k => k.Term).Where(_terms[doc].Contains).ToList();
            return new TextHit(doc, Math.Min(0.999, hit.Score / ceiling), words);
        })];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
