using System.Xml;
using System.Xml.Linq;

namespace Jiedan.Domain.Parsing;

/// <summary>
/// The one way Jiedan reads XML it did not write: no DTD (so no entity expansion, no external resources), a cap
/// on the document's length and on element nesting. Errors name line, column and the problem, never the content.
/// </summary>
public static class BoundedXml
{
    public static XmlReaderSettings Settings(XmlLimits limits) => new()
    {
        DtdProcessing = limits.SkipDoctype ? DtdProcessing.Ignore : DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// A reader that throws <see cref="XmlLimitException"/> on an element nested deeper than the limit. Creating it
    /// already reads the start of the stream, so it may throw <see cref="XmlException"/> too.
    /// </summary>
    public static XmlReader CreateReader(Stream content, XmlLimits limits) =>
        new DepthLimitedXmlReader(XmlReader.Create(content, Settings(limits)), limits.MaxDepth);

    public static XmlReader CreateReader(TextReader content, XmlLimits limits) =>
        new DepthLimitedXmlReader(XmlReader.Create(content, Settings(limits)), limits.MaxDepth);

    /// <exception cref="XmlInputException">not well-formed, a DTD, too long or too deep.</exception>
    public static XElement Load(string xml, XmlLimits limits)
    {
        if (xml.Length > limits.MaxCharacters)
            throw new XmlInputException(1, 1, $"document longer than {limits.MaxCharacters} characters");
        try
        {
            using var reader = CreateReader(new StringReader(xml), limits);
            return XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw new XmlInputException(e.LineNumber, e.LinePosition, Describe(e));
        }
    }

    /// <summary>
    /// What went wrong, without the document's text: the framework's own messages quote names and tokens from the
    /// input, so only the limits Jiedan sets are spelled out and everything else is "not well-formed XML".
    /// </summary>
    public static string Describe(XmlException e) => e switch
    {
        XmlLimitException limit => limit.Problem,
        _ when e.InnerException is XmlException inner => Describe(inner),
        _ when e.Message.StartsWith("For security reasons DTD is prohibited", StringComparison.Ordinal) => "a DTD is not allowed",
        _ when e.Message.StartsWith("Reference to undeclared entity", StringComparison.Ordinal) =>
            "an entity that is not defined (DTDs are not read)",
        _ when e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) => "document too long",
        _ when e.Message.Contains("MaxCharactersFromEntities", StringComparison.Ordinal) => "entity expansion too long",
        _ => "not well-formed XML",
    };
}

/// <summary>A limit of <see cref="BoundedXml"/> was crossed; the problem names the limit, never the content.</summary>
public sealed class XmlLimitException(string problem, int line, int column)
    : XmlException($"{problem} (line {line}, column {column})", null, line, column)
{
    public string Problem { get; } = problem;
}

/// <summary>Outside XML that could not be read: where, and what went wrong.</summary>
public sealed class XmlInputException(int line, int column, string problem) : Exception($"line {line}, column {column}: {problem}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
