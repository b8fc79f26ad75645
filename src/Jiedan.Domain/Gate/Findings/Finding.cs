namespace Jiedan.Domain.Gate.Findings;

/// <summary>One issue a tool reported.</summary>
public sealed record Finding(string Tool, string RuleId, Severity Severity, string Message, string? File, long? Line);

/// <summary>Counts per severity over any number of reports, with a bounded sample of findings for the report.</summary>
public sealed class FindingSummary
{
    public const int SampleLimit = 200;
    private readonly long[] _counts = new long[5];
    private readonly List<Finding> _samples = [];
    private readonly SortedSet<string> _tools = new(StringComparer.Ordinal);

    public long Count(Severity severity) => _counts[(int)severity];
    public long Total => _counts.Sum();
    public long HighOrWorse => Count(Severity.High) + Count(Severity.Critical);
    public IReadOnlyCollection<string> Tools => _tools;
    public long Suppressed { get; private set; }

    /// <summary>The most severe findings first, at most <see cref="SampleLimit"/>.</summary>
    public IReadOnlyList<Finding> Samples =>
        _samples.OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();

    public void AddTool(string tool) => _tools.Add(tool);

    public void AddSuppressed(long count) => Suppressed += count;

    public void Add(Finding finding) => Add(finding.Severity, 1, finding);

    /// <summary>Counts <paramref name="count"/> findings of a severity, keeping <paramref name="sample"/> if there is room.</summary>
    public void Add(Severity severity, long count, Finding? sample)
    {
        _counts[(int)severity] += count;
        if (sample is null) return;
        _tools.Add(sample.Tool);
        if (_samples.Count < SampleLimit) { _samples.Add(sample); return; }
        // Keep the most severe: replace the least severe sample when this one is worse.
        var weakest = 0;
        for (var i = 1; i < _samples.Count; i++)
            if (_samples[i].Severity < _samples[weakest].Severity) weakest = i;
        if (_samples[weakest].Severity < sample.Severity) _samples[weakest] = sample;
    }

    public void Merge(FindingSummary other)
    {
        for (var s = 0; s < _counts.Length; s++) _counts[s] += other._counts[s];
        foreach (var t in other._tools) _tools.Add(t);
        Suppressed += other.Suppressed;
        foreach (var f in other._samples) Add(f.Severity, 0, f);
    }
}
