namespace Jiedan.Quote.Storage;

/// <summary>A stored quote: the spec exactly as given, the computed result as JSON, and the headline figures for lists.</summary>
public sealed class QuoteRecord
{
    public long Id { get; set; }
    public long? DealId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? Title { get; set; }
    public required string Platform { get; set; }
    public required string Seniority { get; set; }
    public required string Currency { get; set; }
    /// <summary>"yaml" or "json": the format <see cref="SpecText"/> was submitted in.</summary>
    public required string SpecFormat { get; set; }
    public required string SpecText { get; set; }
    public required string ResultJson { get; set; }
    public double EffortHours { get; set; }
    public required string Tier { get; set; }
    public decimal Premium { get; set; }
    public decimal PriceLow { get; set; }
    public decimal PriceExpected { get; set; }
    public decimal PriceHigh { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>The saved calibration whose factors priced this quote; null for the built-in defaults.</summary>
    public long? CalibrationId { get; set; }
}

/// <summary>A saved calibration: refitted productivity factors with their leave-one-out accuracy. The newest one is in force.</summary>
public sealed class CalibrationRecord
{
    public long Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string Source { get; set; }
    public required string Method { get; set; }
    public int Projects { get; set; }
    /// <summary>The <c>ProductivityFactors</c> as JSON.</summary>
    public required string FactorsJson { get; set; }
    public double? SizeMmre { get; set; }
    public double? SizePred25 { get; set; }
    public double? FunctionPointMmre { get; set; }
    public double? FunctionPointMdMre { get; set; }
    public double? FunctionPointPred25 { get; set; }
}
