namespace Jiedan.Domain.Credibility;

/// <summary>
/// One thing a client judges in an asset (repository, proposal, demo): whether it holds, the evidence (file, line,
/// figure or reason), the fix when it does not, and its weight inside the asset's 0–100 score.
/// </summary>
public sealed record CredibilityCheck(string Id, bool Passed, string Evidence, string Fix, double Weight);
