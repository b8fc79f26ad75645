namespace Jiedan.Domain.Quote;

public enum QuoteLayer { Size, FunctionPoints, Sla }

/// <summary>How the three layers' hours are blended. Each weight is in [0, 1] and they sum to 1 (default 30/45/25).</summary>
public sealed record LayerWeights
{
    public decimal Size { get; }
    public decimal FunctionPoints { get; }
    public decimal Sla { get; }

    public static LayerWeights Default { get; } = new(0.30m, 0.45m, 0.25m);

    /// <exception cref="ArgumentOutOfRangeException">a weight is outside [0, 1] or they do not sum to 1.</exception>
    public LayerWeights(decimal size, decimal functionPoints, decimal sla)
    {
        if (Validate(size, functionPoints, sla) is { } problem) throw new ArgumentOutOfRangeException(problem.Field, problem.Message);
        Size = size;
        FunctionPoints = functionPoints;
        Sla = sla;
    }

    public decimal Of(QuoteLayer layer) => layer switch
    {
        QuoteLayer.Size => Size,
        QuoteLayer.FunctionPoints => FunctionPoints,
        _ => Sla,
    };

    /// <summary>The first problem, naming the spec field (size, function_points, sla), or null.</summary>
    public static (string Field, string Message)? Validate(decimal size, decimal functionPoints, decimal sla)
    {
        foreach (var (field, w) in new[] { ("size", size), ("function_points", functionPoints), ("sla", sla) })
            if (w < 0 || w > 1) return (field, $"a weight is between 0 and 1, got {w}");
        var sum = size + functionPoints + sla;
        if (Math.Abs(sum - 1m) > 0.0001m) return ("weights", $"weights must sum to 1, these sum to {sum}");
        return null;
    }
}
