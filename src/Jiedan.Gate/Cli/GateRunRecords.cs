using Jiedan.Gate.Reports;
using Jiedan.Gate.Storage;

namespace Jiedan.Gate.Cli;

/// <summary>A finished gate run as the row stored on the deal.</summary>
internal static class GateRunRecords
{
    public static GateRunRecord From(GateOutcome o, GateReportFiles.Rendered r, long dealId) => new()
    {
        DealId = dealId,
        CreatedAtUtc = o.At.UtcDateTime,
        Passed = o.Checklist.Passed,
        Checks = o.Checklist.Checks.Count,
        Blocking = o.Checklist.Checks.Count(c => c.Blocks),
        EvidenceSha256 = o.EvidenceSha256,
        Project = Path.GetFileName(o.ProjectDir),
        ChecklistJson = r.Json,
        ReportHtml = r.Html,
        ReportPdf = r.Pdf,
        ReportMarkdown = r.Markdown,
    };
}
