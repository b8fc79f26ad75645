using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Parsing;

/// <summary>
/// The one way Jiedan reads YAML it did not write: no anchors or aliases (the billion-laughs expansion), and caps on
/// size, nesting depth, node count and scalar length, checked event by event as YamlDotNet's parser produces them so
/// work stays linear in the input. Every refusal is a <see cref="PositionedParseException"/> with a line and column and
/// a problem that does not quote the document (YamlDotNet's own syntax messages are replaced by fixed text too).
/// </summary>
public static class BoundedYaml
{
    /// <summary>Loads a stream of documents into the representation model.</summary>
    public static YamlStream Load(string text, YamlLimits? limits = null)
    {
        var stream = new YamlStream();
        Run(text, limits, parser => stream.Load(parser));
        return stream;
    }

    /// <summary>
    /// Runs <paramref name="consume"/> (a deserializer, say) over a bounded event stream; its YAML errors come back positioned.
    /// </summary>
    public static T Read<T>(string text, Func<IParser, T> consume, YamlLimits? limits = null)
    {
        var result = default(T);
        Run(text, limits, parser => result = consume(parser));
        return result!;
    }

    /// <summary>Reads at most <see cref="YamlLimits.MaxChars"/> characters of <paramref name="reader"/>, refusing more.</summary>
    public static string ReadText(TextReader reader, YamlLimits? limits = null)
    {
        var max = (limits ?? YamlLimits.Default).MaxChars;
        var buffer = new char[Math.Min(max + 1, 64 * 1024)];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > max) throw TooLarge(max);
        }
        return text.ToString();
    }

    private static void Run(string text, YamlLimits? limits, Action<IParser> consume)
    {
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxChars) throw TooLarge(limits.MaxChars);
        var parser = new Guard(new Parser(new StringReader(text)), limits);
        try { consume(parser); }
        catch (PositionedParseException) { throw; }
        catch (YamlException e) when (e.InnerException is PositionedParseException inner) { throw inner; }
        catch (YamlException e)
        {
            var start = e.Start.Line > 0 ? e.Start : parser.LastGood;
            throw new PositionedParseException(start.Line, start.Column, Describe(e), e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Some malformed flow collections make YamlDotNet's scanner fail without a mark, and its node builder rejects
            // a NUL key ("\0: 0") with ArgumentException; the last good event has a mark.
            var (line, column) = (parser.LastGood.Line, parser.LastGood.Column);
            throw new PositionedParseException(line, column, "malformed YAML after this point (an unclosed [ or { ?)", e);
        }
    }

    private static PositionedParseException TooLarge(int max) =>
        new(1, 1, $"the document is larger than {max} characters");

    /// <summary>A fixed description of a YAML error: YamlDotNet's messages can quote keys and values of the document.</summary>
    private static string Describe(YamlException e) => e switch
    {
        SyntaxErrorException => "malformed YAML (check indentation, quotes and brackets)",
        SemanticErrorException => "malformed YAML (a structure that is not allowed here)",
        _ => "an unknown key or a value of the wrong type",
    };

    /// <summary>Checks every event before the consumer sees it.</summary>
    private sealed class Guard(IParser inner, YamlLimits limits) : IParser
    {
        private int _depth, _nodes;

        public Mark LastGood { get; private set; } = new(0, 1, 1);
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            var e = inner.Current!;
            switch (e)
            {
                case AnchorAlias:
                    throw Refuse(e, "aliases (*name) are not allowed");
                case NodeEvent { Anchor.IsEmpty: false }:
                    throw Refuse(e, "anchors (&name) are not allowed");
                case Scalar s when s.Value.Length > limits.MaxScalarChars:
                    throw Refuse(e, $"a value longer than {limits.MaxScalarChars} characters");
                case MappingStart or SequenceStart when ++_depth > limits.MaxDepth:
                    throw Refuse(e, $"nested deeper than {limits.MaxDepth} levels");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }
            if (e is NodeEvent && ++_nodes > limits.MaxNodes) throw Refuse(e, $"more than {limits.MaxNodes} values");
            LastGood = e.End;
            return true;
        }

        private static PositionedParseException Refuse(ParsingEvent e, string problem) => new(e.Start.Line, e.Start.Column, problem);
    }
}
