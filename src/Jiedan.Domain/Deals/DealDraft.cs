using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Deals;

/// <summary>The attributes of a deal as entered or imported, validated at the edge.</summary>
public sealed record DealDraft(string Client, Platform Platform)
{
    public string? ExternalId { get; init; }
    public DealCategory Category { get; init; } = DealCategory.Other;
    public SeniorityBand Seniority { get; init; } = SeniorityBand.Mid;
    public Money? Budget { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Notes { get; init; }
    public bool IsDemo { get; init; }
}
