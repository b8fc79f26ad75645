namespace Jiedan.Reporting.Documents;

public enum CheckStatus { Pass, Fail, Skipped, Error }

/// <summary>One gate check: what was measured against which threshold, and the outcome.</summary>
public sealed record ChecklistItem(string Id, string Title, string Measured, string Threshold, CheckStatus Status)
{
    public string? Note { get; init; }
}

public sealed record Checklist(IReadOnlyList<ChecklistItem> Items) : ReportBlock;
