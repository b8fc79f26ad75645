namespace Jiedan.Domain.Pipeline;

/// <summary>
/// Aggregated observations the analytics work from: how many deals entered <see cref="Stage"/> on
/// <see cref="Entered"/> and left it on <see cref="Left"/> (null while still in it). Storage groups its rows into
/// these, so a million deals become a few thousand facts.
/// </summary>
public readonly record struct SpanFact(string Stage, DateOnly Entered, DateOnly? Left, long Count);

/// <summary>How many deals went from lead to signature between two dates.</summary>
#pragma warning disable CA1720 // "Signed" is the day the deal was signed, a domain word, not a type name
public readonly record struct SignFact(DateOnly Lead, DateOnly Signed, long Count);
#pragma warning restore CA1720

/// <summary>Everything <see cref="PipelineAnalyzer"/> needs, already filtered by platform, category, seniority and period.</summary>
public sealed record PipelineFacts(
    IReadOnlyList<SpanFact> Spans,
    IReadOnlyDictionary<string, long> FurthestStageCounts,
    IReadOnlyList<SignFact> Signatures,
    IReadOnlyDictionary<string, long> DealBottlenecks,
    long Deals,
    long Lost);
