namespace Jiedan.Domain.Quote;

/// <summary>
/// A layer's effort interval: a prediction times <see cref="LowRatio"/> and <see cref="HighRatio"/> bounds the
/// <see cref="Nominal"/> share of projects; <see cref="Coverage"/> is the share of the <see cref="Projects"/> past
/// projects it actually covered when each was held out of the fit (leave-one-out).
/// </summary>
public sealed record EffortInterval(double Nominal, double LowRatio, double HighRatio, double Coverage, int Projects);
