namespace Jiedan.Domain.Quote.Spec;

/// <summary>
/// What a proposal promises beyond the price, all optional in the spec: an architecture diagram (Mermaid source), the
/// support window of the SLA and the payment or delivery milestones. The credibility proposal score checks for them.
/// </summary>
public sealed record ProposalTerms(string? ArchitectureMermaid, string? SupportWindow, IReadOnlyList<Milestone> Milestones)
{
    public static ProposalTerms None { get; } = new(null, null, []);

    public bool IsEmpty => ArchitectureMermaid is null && SupportWindow is null && Milestones.Count == 0;

    /// <summary>The diagram types Mermaid knows (its first word); a text starting otherwise is not a diagram.</summary>
    public static readonly string[] MermaidDiagramTypes =
    [
        "flowchart", "graph", "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram", "C4Context",
        "C4Container", "C4Component", "C4Deployment", "architecture-beta", "block-beta", "gantt", "journey", "mindmap",
    ];
}

/// <summary>A stage of the work: its name and at least one of a due date and an amount (in the quote's currency).</summary>
public sealed record Milestone(string Name, DateOnly? Due, decimal? Amount);
