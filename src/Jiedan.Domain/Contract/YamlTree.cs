using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Jiedan.Domain.Contract;

/// <summary>
/// A YAML node with its position, built from <see cref="Parsing.BoundedYaml"/>'s checked events. Unlike YamlDotNet's
/// representation model it keeps keys in order and reports a repeated key at its own line instead of failing the load.
/// </summary>
internal abstract record YamlTree(long Line, long Column)
{
    internal static YamlTree Build(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return new YamlTreeScalar(1, 1, "", Plain: true);
        parser.Consume<DocumentStart>();
        var root = Node(parser);
        parser.Consume<DocumentEnd>();
        if (!parser.Accept<StreamEnd>(out var extra))
            throw new Parsing.PositionedParseException(extra?.Start.Line ?? 1, extra?.Start.Column ?? 1, "more than one YAML document");
        return root;
    }

    private static YamlTree Node(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
            return new YamlTreeScalar(scalar.Start.Line, scalar.Start.Column, scalar.Value, scalar.Style == ScalarStyle.Plain);
        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlTree>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Node(parser));
            return new YamlTreeList(sequenceStart.Start.Line, sequenceStart.Start.Column, items);
        }
        var mappingStart = parser.Consume<MappingStart>();
        var entries = new List<KeyValuePair<YamlTreeScalar, YamlTree>>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (Node(parser) is not YamlTreeScalar key)
                throw new Parsing.PositionedParseException(mappingStart.Start.Line, mappingStart.Start.Column,
                    "a key that is a list or mapping");
            entries.Add(new(key, Node(parser)));
        }
        return new YamlTreeMap(mappingStart.Start.Line, mappingStart.Start.Column, entries);
    }
}

internal sealed record YamlTreeScalar(long Line, long Column, string Value, bool Plain) : YamlTree(Line, Column)
{
    /// <summary>A plain <c>~</c>, <c>null</c> or empty value.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null";
}

internal sealed record YamlTreeList(long Line, long Column, IReadOnlyList<YamlTree> Items) : YamlTree(Line, Column);

internal sealed record YamlTreeMap(long Line, long Column, IReadOnlyList<KeyValuePair<YamlTreeScalar, YamlTree>> Entries)
    : YamlTree(Line, Column);
