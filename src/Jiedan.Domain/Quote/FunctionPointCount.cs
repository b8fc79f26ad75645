namespace Jiedan.Domain.Quote;

/// <summary>
/// Unadjusted function points of a set of features. A step that appears in several chains is one elementary
/// process or one logical file in IFPUG terms, so it is counted once; the features it appears in are listed.
/// </summary>
public sealed record FunctionPointCount(IReadOnlyList<CountedStep> Steps, IReadOnlyList<FeatureSubtotal> Features)
{
    public int Total => Steps.Sum(s => s.Step.Points);

    public int TotalOf(FunctionType type) => Steps.Where(s => s.Step.Type == type).Sum(s => s.Step.Points);

    public static FunctionPointCount Empty { get; } = new([], []);

    /// <exception cref="ArgumentException">one event name is rated two different ways.</exception>
    public static FunctionPointCount Of(IEnumerable<FeatureChain> features)
    {
        var steps = new List<CountedStep>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var subtotals = new List<FeatureSubtotal>();
        foreach (var feature in features)
        {
            var newPoints = 0;
            foreach (var step in feature.Steps)
            {
                if (byName.TryGetValue(step.Name, out var index))
                {
                    var seen = steps[index];
                    if (seen.Step != step)
                        throw new ArgumentException(
                            $"event '{step.Name}' is {step.Type}/{step.Complexity} in '{feature.Name}' " +
                            $"but {seen.Step.Type}/{seen.Step.Complexity} in '{seen.Features[0]}'",
                            nameof(features));
                    steps[index] = seen with { Features = [.. seen.Features, feature.Name] };
                    continue;
                }
                byName[step.Name] = steps.Count;
                steps.Add(new CountedStep(step, [feature.Name]));
                newPoints += step.Points;
            }
            subtotals.Add(new FeatureSubtotal(feature.Name, feature.Steps.Count, newPoints));
        }
        return new FunctionPointCount(steps, subtotals);
    }
}

public sealed record CountedStep(EventStep Step, IReadOnlyList<string> Features);

/// <summary>Points a feature adds that no earlier feature already counted.</summary>
public sealed record FeatureSubtotal(string Feature, int Steps, int NewPoints);
