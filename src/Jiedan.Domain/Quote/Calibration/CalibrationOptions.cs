namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// What a calibration may choose between and how its interval is built. With more than one candidate (several methods,
/// or <see cref="SelectFactors"/> over the factor columns) the choice is made on the training projects alone, by
/// <see cref="InnerFolds"/>-fold cross-validation inside every leave-one-out fold, so the reported accuracy is that of
/// the whole procedure, choice included.
/// </summary>
public sealed record CalibrationOptions
{
    /// <summary>Up to this many factor columns every subset is a candidate; above it only none and all.</summary>
    public const int MaxFactorsForSubsets = 4;

    public IReadOnlyList<RegressionMethod> Methods { get; init; } = [RegressionMethod.Lad, RegressionMethod.Ols];

    /// <summary>Try subsets of the factor columns (false: always all of them).</summary>
    public bool SelectFactors { get; init; } = true;

    /// <summary>The interval's nominal coverage.</summary>
    public double Nominal { get; init; } = 0.8;

    public int InnerFolds { get; init; } = 10;

    public static CalibrationOptions Default { get; } = new();

    /// <summary>One model, no choice: the given method with every factor column.</summary>
    public static CalibrationOptions Fixed(RegressionMethod method) => new() { Methods = [method], SelectFactors = false };

    /// <summary>How candidates are compared on their out-of-fold predictions.</summary>
    public SelectionCriterion Criterion { get; init; } = SelectionCriterion.MeanAbsoluteLogError;

    public IReadOnlyList<EffortModelSpec> Candidates(IReadOnlyList<string> factors, IReadOnlyList<string> numericOrdinal)
    {
        IEnumerable<IReadOnlyList<string>> subsets = !SelectFactors ? [factors]
            : factors.Count > MaxFactorsForSubsets ? [[], factors]
            : Enumerable.Range(0, 1 << factors.Count)
                .Select(mask => (IReadOnlyList<string>)factors.Where((_, i) => (mask & (1 << i)) != 0).ToList());
        return Methods.SelectMany(m => subsets.Select(s => new EffortModelSpec(m, s) { NumericOrdinal = numericOrdinal })).ToList();
    }
}

public enum SelectionCriterion
{
    /// <summary>Mean |ln actual − ln predicted|: symmetric in over- and under-estimates, little moved by one outlier.</summary>
    MeanAbsoluteLogError,
    /// <summary>MMRE: rewards under-estimates.</summary>
    Mmre,
}
