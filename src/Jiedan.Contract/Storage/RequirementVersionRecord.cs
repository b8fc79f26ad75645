namespace Jiedan.Contract.Storage;

/// <summary>
/// One version of a deal's requirement: the YAML exactly as given (the generated files are regenerated from it, never
/// stored), numbered 1, 2, … per deal.
/// </summary>
public sealed class RequirementVersionRecord
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public int Number { get; set; }
    public required string Service { get; set; }
    public required string ServiceVersion { get; set; }
    public required string YamlText { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
}
