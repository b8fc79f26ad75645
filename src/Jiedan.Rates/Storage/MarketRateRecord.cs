namespace Jiedan.Rates.Storage;

public sealed class MarketRateRecord
{
    public required string Platform { get; set; }
    public required string Band { get; set; }
    public decimal Low { get; set; }
    public decimal High { get; set; }
    public required string Currency { get; set; }
    public DateTime UpdatedAt { get; set; }
}
