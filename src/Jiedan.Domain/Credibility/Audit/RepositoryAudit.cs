namespace Jiedan.Domain.Credibility.Audit;

/// <summary>The repository audit: every check over the gathered facts, and the score from their weights.</summary>
public static class RepositoryAudit
{
    public static AssetScore Evaluate(RepositoryFacts facts, AuditLanguage language) =>
        AssetScore.FromChecks(
        [
            LayoutCheck.Evaluate(facts, language),
            ModulePathCheck.Evaluate(facts, language),
            ReadmeCheck.Evaluate(facts, language),
            LicenseCheck.Evaluate(facts, language),
            CiCheck.Evaluate(facts, language),
            SimpleChecks.Tests(facts, language),
            SimpleChecks.Activity(facts, language),
            SimpleChecks.Releases(facts, language),
            SimpleChecks.Docs(facts, language),
            SimpleChecks.Benchmarks(facts, language),
        ]);
}
