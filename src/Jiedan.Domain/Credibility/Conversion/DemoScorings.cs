using Jiedan.Domain.Credibility.Audit;
using Jiedan.Domain.Credibility.Demo;
using Jiedan.Domain.Credibility.Proposal;

namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>
/// Synthetic scorings for the demo portfolio: each check of each asset passes with a chance that is higher for deals
/// that were won, so the conversion page has a fit to show. Deterministic for a given seed; every check says it is demo data.
/// </summary>
public static class DemoScorings
{
    private static readonly (string Id, double Weight)[] ProposalChecks =
    [
        ("acceptance-criteria", ProposalScoring.AcceptanceCriteriaWeight), ("architecture", ProposalScoring.ArchitectureWeight),
        ("sla", ProposalScoring.SlaWeight), ("milestones", ProposalScoring.MilestonesWeight), ("validity", ProposalScoring.ValidityWeight),
    ];

    private static readonly (string Id, double Weight)[] DemoChecks =
    [
        ("reachable", DemoScoring.ReachableWeight), ("first-contentful-paint", DemoScoring.FirstContentfulPaintWeight),
        ("load", DemoScoring.LoadWeight), ("health", DemoScoring.HealthWeight), ("console-errors", DemoScoring.ConsoleErrorsWeight),
    ];

    public static AssetScores For(bool won, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var chance = won ? 0.8 : 0.45;
        return new AssetScores(
            Asset(ProposalChecks, chance, random),
            Asset([.. AuditWeights.All.Select(w => (w.Key, w.Value))], chance, random),
            Asset(DemoChecks, chance, random),
            "demo data · 演示数据");
    }

    private static AssetScore Asset(IEnumerable<(string Id, double Weight)> checks, double chance, Random random) =>
        AssetScore.FromChecks([.. checks.Select(c => random.NextDouble() < chance
            ? new CredibilityCheck(c.Id, true, "demo data · 演示数据", "", c.Weight)
            : new CredibilityCheck(c.Id, false, "demo data · 演示数据", $"fix '{c.Id}' (docs/credibility.md)", c.Weight))]);
}
