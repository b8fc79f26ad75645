namespace Jiedan.Reporting.Documents;

/// <summary>A report as a list of blocks; rendered to HTML, Markdown or PDF by the renderers in this namespace.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public string? Subtitle { get; init; }

    /// <summary>Pairs shown under the title (deal, date, SHA-256 of the evidence…).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; init; } = [];

    /// <summary>"en" or "zh": the language of the fixed labels the renderers add; the caller's text may mix both.</summary>
    public string Language { get; init; } = "en";
}
