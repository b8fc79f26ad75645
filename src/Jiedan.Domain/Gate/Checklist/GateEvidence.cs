using Jiedan.Domain.Gate.ApiDocs;
using Jiedan.Domain.Gate.Benchmarks;
using Jiedan.Domain.Gate.Complexity;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Testing;

namespace Jiedan.Domain.Gate.Checklist;

/// <summary>Everything read from a project's reports; null where there was nothing to read.</summary>
public sealed record GateEvidence
{
    public CoverageSummary? Coverage { get; init; }
    public FindingSummary? Findings { get; init; }
    public ApiDocsReport? ApiDocs { get; init; }
    public ComplexityReport? Complexity { get; init; }
    public GoModFile? GoMod { get; init; }
    public TestRunSummary? Tests { get; init; }
    public IReadOnlyList<BenchDelta>? Benchmarks { get; init; }
}
