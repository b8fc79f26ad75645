namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>The three assets a client judges, by the names the API, CLI, storage and recommendations use.</summary>
public static class ConversionAssets
{
    public const string Proposal = "proposal";
    public const string Repository = "repository";
    public const string Demo = "demo";

    public static IReadOnlyList<string> All { get; } = [Proposal, Repository, Demo];
}
