namespace Jiedan.Domain.Parsing;

/// <summary>How much XML from outside Jiedan may cost: element nesting depth and document length in characters.</summary>
public sealed record XmlLimits(int MaxDepth, long MaxCharacters);
