namespace Jiedan.Domain.Parsing;

/// <summary>
/// How much XML from outside Jiedan may cost: element nesting depth and document length in characters. A DTD is never
/// processed; with <paramref name="SkipDoctype"/> a document type declaration is skipped unread (for report formats whose
/// writers declare one, like Cobertura's <c>&lt;!DOCTYPE coverage SYSTEM '…coverage-04.dtd'&gt;</c>) instead of refused.
/// Either way no entity is defined and nothing is fetched.
/// </summary>
public sealed record XmlLimits(int MaxDepth, long MaxCharacters, bool SkipDoctype = false);
