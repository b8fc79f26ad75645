namespace Jiedan.Domain.Quote;

/// <summary>
/// The effort as a range: the quote recomputed with every function layer's hours at the low and the high end of its
/// calibrated interval (the SLA layer follows its baseline). <see cref="Coverage"/> and <see cref="Projects"/> are
/// those of the least-covering layer: the share of past projects its interval actually held when each was left out.
/// </summary>
public sealed record EffortRange(double Low, double Expected, double High, double Nominal, double Coverage, int Projects);
