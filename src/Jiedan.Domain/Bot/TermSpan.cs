using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Bot;

internal enum TermKind
{
    /// <summary>An amount after a budget word (预算, budget, paying ...).</summary>
    Budget,

    /// <summary>An amount with a currency but no budget word: a budget only where its clause says nothing else.</summary>
    Amount,

    /// <summary>An hourly or monthly rate: a term, never the budget.</summary>
    Rate,

    Deadline,
}

/// <summary>
/// A stretch of one line that states a term. Strong deadlines carry their own context (截止, by, 内, 前, a full date);
/// weak ones (7天, Friday, 月底) count only where the clause around them says nothing but terms.
/// </summary>
internal sealed record TermSpan(int Start, int End, TermKind Kind, bool Strong, Money? Budget = null, DateOnly? Deadline = null)
{
    public bool Overlaps(int start, int end) => start < End && Start < end;
}
