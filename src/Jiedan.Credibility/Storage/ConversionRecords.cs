namespace Jiedan.Credibility.Storage;

/// <summary>
/// One scoring of a deal: the three asset scores with their checks (JSON), the weights in force then and the estimate
/// they gave. Written once, never updated; the newest row of a deal is its current estimate.
/// </summary>
public sealed class DealConversionScoreRecord
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Proposal { get; set; }
    public int Repository { get; set; }
    public int Demo { get; set; }
    public double Estimate { get; set; }
    public double WeightProposal { get; set; }
    public double WeightRepository { get; set; }
    public double WeightDemo { get; set; }
    public required string ProposalChecksJson { get; set; }
    public required string RepositoryChecksJson { get; set; }
    public required string DemoChecksJson { get; set; }
    public string? SourceNotes { get; set; }
}

/// <summary>Weights adopted at some point: the newest row is in force; no row means the seed's.</summary>
public sealed class ConversionWeightsRecord
{
    public long Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public double Proposal { get; set; }
    public double Repository { get; set; }
    public double Demo { get; set; }
    /// <summary><c>seed</c>, <c>fitted</c> or <c>manual</c>.</summary>
    public required string Source { get; set; }
    public int? FittedDeals { get; set; }
    public double? Brier { get; set; }
}
