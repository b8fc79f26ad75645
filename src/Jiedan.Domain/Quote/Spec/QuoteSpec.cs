using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Domain.Quote.Spec;

/// <summary>A place in the spec text (1-based), kept so that later checks can point at the node they reject.</summary>
public readonly record struct SpecMark(int Line, int Column);

/// <summary>
/// A parsed, shape-checked quote spec. What needs the outside world — the rate table, the repository, the lint
/// report, the saved calibration — is resolved later; the marks let those checks name the line and column too.
/// </summary>
public sealed record QuoteSpec
{
    public string? Title { get; init; }
    public string? Client { get; init; }
    public required Platform Platform { get; init; }
    public SpecMark PlatformMark { get; init; }
    public required SeniorityBand Seniority { get; init; }
    public SpecMark SeniorityMark { get; init; }
    public Currency? Currency { get; init; }
    public SpecMark CurrencyMark { get; init; }
    public (decimal Low, decimal High)? HourlyRate { get; init; }
    public long? Lines { get; init; }
    public string? Repository { get; init; }
    public SpecMark RepositoryMark { get; init; }
    public IReadOnlyList<FeatureChain> Features { get; init; } = [];
    public required SlaTarget Sla { get; init; }
    public decimal? TechDebtPercent { get; init; }
    public bool MeasureTechDebt { get; init; }
    public SpecMark TechDebtMark { get; init; }
    public string? GolangciLint { get; init; }
    public SpecMark GolangciLintMark { get; init; }
    public LayerWeights Weights { get; init; } = LayerWeights.Default;
    public int ValidityDays { get; init; } = DefaultValidityDays;
    public IReadOnlyDictionary<string, string> Factors { get; init; } = new Dictionary<string, string>();
    public ProposalTerms Terms { get; init; } = ProposalTerms.None;

    public const int DefaultValidityDays = 30;
    public const int MaxValidityDays = 365;
}

/// <summary>A spec problem: file, line and column, the field (dotted path) and what is wrong.</summary>
public sealed class QuoteSpecException(string source, SpecMark mark, string field, string problem)
    : FormatException($"{source}:{mark.Line}:{mark.Column}: {field}: {problem}")
{
    public string File { get; } = source;
    public SpecMark Mark { get; } = mark;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
