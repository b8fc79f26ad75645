namespace Jiedan.Gate.Storage;

/// <summary>
/// One delivery-gate run attached to a deal: the verdict, the SHA-256 of the evidence it rests on, the checklist
/// as JSON (gate.json) and the rendered client-facing report (HTML, PDF, Markdown). Written once, never updated.
/// </summary>
public sealed class GateRunRecord
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public bool Passed { get; set; }
    public int Checks { get; set; }
    public int Blocking { get; set; }
    public required string EvidenceSha256 { get; set; }
    public required string Project { get; set; }
    public required string ChecklistJson { get; set; }
    public required string ReportHtml { get; set; }
    public byte[]? ReportPdf { get; set; }
    public required string ReportMarkdown { get; set; }
}
