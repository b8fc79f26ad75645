namespace Jiedan.Domain.Quote;

/// <summary>IFPUG function types: three transactional (EI, EO, EQ) and two data functions (ILF, EIF).</summary>
public enum FunctionType
{
    /// <summary>External input: data or control entering the boundary (a command, an event received).</summary>
    EI,
    /// <summary>External output: derived data leaving the boundary (a computed report, an event published).</summary>
    EO,
    /// <summary>External inquiry: a retrieval without derived data.</summary>
    EQ,
    /// <summary>Internal logical file: data the application maintains.</summary>
    ILF,
    /// <summary>External interface file: data the application only references.</summary>
    EIF,
}

public enum FunctionComplexity { Low, Average, High }

/// <summary>The IFPUG (CPM 4.3) unadjusted weights per function type and complexity.</summary>
public static class FunctionPointWeights
{
    public static int Of(FunctionType type, FunctionComplexity complexity) => (type, complexity) switch
    {
        (FunctionType.EI, FunctionComplexity.Low) => 3,
        (FunctionType.EI, FunctionComplexity.Average) => 4,
        (FunctionType.EI, FunctionComplexity.High) => 6,
        (FunctionType.EO, FunctionComplexity.Low) => 4,
        (FunctionType.EO, FunctionComplexity.Average) => 5,
        (FunctionType.EO, FunctionComplexity.High) => 7,
        (FunctionType.EQ, FunctionComplexity.Low) => 3,
        (FunctionType.EQ, FunctionComplexity.Average) => 4,
        (FunctionType.EQ, FunctionComplexity.High) => 6,
        (FunctionType.ILF, FunctionComplexity.Low) => 7,
        (FunctionType.ILF, FunctionComplexity.Average) => 10,
        (FunctionType.ILF, FunctionComplexity.High) => 15,
        (FunctionType.EIF, FunctionComplexity.Low) => 5,
        (FunctionType.EIF, FunctionComplexity.Average) => 7,
        (FunctionType.EIF, FunctionComplexity.High) => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(type), $"{type}/{complexity} is not an IFPUG function"),
    };

    public static bool TryParseType(string? text, out FunctionType type) =>
        Enum.TryParse((text ?? "").Trim(), ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);

    public static bool TryParseComplexity(string? text, out FunctionComplexity complexity)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "low" or "l" or "低": complexity = FunctionComplexity.Low; return true;
            case "average" or "avg" or "a" or "medium" or "中": complexity = FunctionComplexity.Average; return true;
            case "high" or "h" or "高": complexity = FunctionComplexity.High; return true;
            default: complexity = default; return false;
        }
    }
}
