using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Deals.Import;

/// <summary>One stage event from an import file, with where it came from for error messages.</summary>
public sealed record ImportRow(int Line, string ExternalId, string Client, Platform Platform, string Stage, DateTimeOffset At)
{
    public DealCategory Category { get; init; } = DealCategory.Other;
    public SeniorityBand Seniority { get; init; } = SeniorityBand.Mid;
    public Money? Budget { get; init; }
    public string? LostReason { get; init; }
    /// <summary>1-based column of each field, to point at the culprit of a later (cross-row) error.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; init; } = new Dictionary<string, int>();

    public int ColumnOf(string field) => Columns.GetValueOrDefault(field, 1);
}

/// <summary>A problem at a place in an import file.</summary>
public sealed record ImportError(int Line, int Column, string Reason)
{
    public string Format(string file) => $"{file}:{Line}:{Column}: {Reason}";
}

/// <summary>The outcome of an import: counts when it went through, or every error found (and nothing written).</summary>
public sealed record ImportResult(int Rows, int DealsCreated, int EventsAdded, int EventsAlreadyPresent, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
