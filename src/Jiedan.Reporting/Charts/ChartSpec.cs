namespace Jiedan.Reporting.Charts;

public enum ChartKind { Bar, HorizontalBar, Line, GroupedBar }

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>What to draw, independent of the output format. Every series has one value per label.</summary>
public sealed record ChartSpec(ChartKind Kind, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    public string? XAxisLabel { get; init; }
    public string? YAxisLabel { get; init; }

    /// <summary>Label indices drawn in the warning colour, e.g. the bottleneck stage.</summary>
    public IReadOnlyList<int> HighlightIndices { get; init; } = [];

    /// <summary>Dashed lines across the value axis, e.g. ("threshold 80%", 80).</summary>
    public IReadOnlyList<(string Name, double Value)> ReferenceLines { get; init; } = [];

    /// <summary>Optional per-label marker value (e.g. P90) drawn as a whisker from the bar; Bar and HorizontalBar only.</summary>
    public IReadOnlyList<double>? ErrorBars { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistency.</summary>
    public void Validate()
    {
        if (Series.Count == 0)
            throw new ArgumentException($"Chart '{Title}': at least one series is required.", nameof(Series));
        foreach (var series in Series)
        {
            if (series.Values.Count != Labels.Count)
                throw new ArgumentException(
                    $"Chart '{Title}': series '{series.Name}' has {series.Values.Count} values for {Labels.Count} labels.", nameof(Series));
        }
        if (ErrorBars is not null && ErrorBars.Count != Labels.Count)
            throw new ArgumentException($"Chart '{Title}': {ErrorBars.Count} error bars for {Labels.Count} labels.", nameof(ErrorBars));
        foreach (var index in HighlightIndices)
        {
            if (index < 0 || index >= Labels.Count)
                throw new ArgumentException($"Chart '{Title}': highlight index {index} is outside 0..{Labels.Count - 1}.",
                    nameof(HighlightIndices));
        }
    }
}
