namespace Jiedan.Domain.Quote;

/// <summary>One domain event in a feature's chain, typed and rated the IFPUG way.</summary>
public sealed record EventStep(string Name, FunctionType Type, FunctionComplexity Complexity)
{
    public int Points => FunctionPointWeights.Of(Type, Complexity);
}

/// <summary>A feature written as a chain of domain events, e.g. OrderCreated → InventoryDeduct → ShipmentScheduled.</summary>
public sealed record FeatureChain(string Name, IReadOnlyList<EventStep> Steps)
{
    private static readonly string[] Arrows = ["→", "->", "=>", "⇒"];

    /// <summary>Splits a chain written with arrows (→, ->, =>) into event names, in order.</summary>
    public static IReadOnlyList<string> SplitChain(string chain) =>
        chain.Split(Arrows, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
