using Buf.Validate;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Parity;

/// <summary>
/// Reads each field's constraints back from protoc's descriptor set (<c>--include_source_info</c>): the field's type, its
/// <c>(buf.validate.field)</c> rules through ProtoValidate's generated types, and the carried <c>jiedan:unique</c> comment.
/// </summary>
public sealed class ProtoConstraints
{
    private const int MessageTypeField = 4;
    private const int MessageFieldField = 2;
    private const int SyntaxField = 12;
    private static readonly MessageParser<FileDescriptorSet> Parser =
        FileDescriptorSet.Parser.WithExtensionRegistry([ValidateExtensions.Field]);

    private readonly FileDescriptorProto _file;
    private readonly Dictionary<string, (DescriptorProto Message, int Index)> _messages;

    public ProtoConstraints(byte[] descriptorSet, string fileName)
    {
        var set = Parser.ParseFrom(descriptorSet);
        _file = set.File.FirstOrDefault(f => f.Name == fileName)
            ?? throw new ArgumentException("the descriptor set does not hold the contract's .proto file", nameof(descriptorSet));
        _messages = _file.MessageType.Select((m, i) => (m, i)).ToDictionary(x => x.m.Name, x => (x.m, x.i), StringComparer.Ordinal);
    }

    public string Package => _file.Package;

    /// <summary>The comment lines above <c>syntax</c>, where the writer puts the service terms.</summary>
    public IReadOnlyList<string> HeaderComments =>
        _file.SourceCodeInfo?.Location.FirstOrDefault(l => l.Path.Count == 1 && l.Path[0] == SyntaxField) is { } location
            ? (location.LeadingComments + string.Concat(location.LeadingDetachedComments)).Split('\n').Select(l => l.Trim()).ToList()
            : [];

    public bool HasMessage(string name) => _messages.ContainsKey(name);

    public IReadOnlyList<string> FieldNames(string message) => _messages[message].Message.Field.Select(f => f.Name).ToList();

    public ConstraintSet? Field(string message, string field)
    {
        var (descriptor, index) = _messages[message];
        var fieldIndex = descriptor.Field.ToList().FindIndex(f => f.Name == field);
        if (fieldIndex < 0) return null;
        var proto = descriptor.Field[fieldIndex];
        var rules = proto.Options?.GetExtension(ValidateExtensions.Field) ?? new FieldRules();
        var comment = Comment(index, fieldIndex);
        if (proto.Label == FieldDescriptorProto.Types.Label.Repeated)
        {
            var repeated = rules.Repeated ?? new RepeatedRules();
            var item = Scalar(proto, repeated.Items ?? new FieldRules());
            return new ConstraintSet("list", repeated.HasMinItems && repeated.MinItems == 1, Unique: repeated.HasUnique && repeated.Unique,
                Item: item);
        }
        return Scalar(proto, rules) with
        {
            Required = rules.HasRequired && rules.Required,
            Unique = comment.Contains(ProtoWriter.UniqueMarker, StringComparison.Ordinal),
        };
    }

    private string Comment(int message, int field) =>
        _file.SourceCodeInfo?.Location.FirstOrDefault(l => l.Path.SequenceEqual([MessageTypeField, message, MessageFieldField, field]))
            ?.LeadingComments ?? "";

    private ConstraintSet Scalar(FieldDescriptorProto field, FieldRules rules)
    {
        var type = field.Type switch
        {
            FieldDescriptorProto.Types.Type.String => "string",
            FieldDescriptorProto.Types.Type.Int32 => "int32",
            FieldDescriptorProto.Types.Type.Int64 => "int64",
            FieldDescriptorProto.Types.Type.Double => "double",
            FieldDescriptorProto.Types.Type.Bool => "boolean",
            FieldDescriptorProto.Types.Type.Enum => "enum",
            FieldDescriptorProto.Types.Type.Message when field.TypeName == ".google.protobuf.Timestamp" => "date-time",
            FieldDescriptorProto.Types.Type.Message => "ref:" + field.TypeName.Split('.')[^1],
            var other => "proto " + other,
        };
        var set = new ConstraintSet(type);
        if (rules.String is { } s)
        {
            set = set with
            {
                MinLength = s.HasMinLen ? (long)s.MinLen : null,
                MaxLength = s.HasMaxLen ? (long)s.MaxLen : null,
                Pattern = s.HasPattern ? s.Pattern : null,
                Format = s.WellKnownCase switch
                {
                    StringRules.WellKnownOneofCase.Email => "email",
                    StringRules.WellKnownOneofCase.Uuid => "uuid",
                    StringRules.WellKnownOneofCase.Uri => "uri",
                    StringRules.WellKnownOneofCase.None => null,
                    var other => other.ToString(),
                },
            };
        }
        if (rules.Int32 is { } i32)
        {
            set = set with
            {
                Minimum = i32.GreaterThanCase == Int32Rules.GreaterThanOneofCase.Gte ? i32.Gte : null,
                Maximum = i32.LessThanCase == Int32Rules.LessThanOneofCase.Lte ? i32.Lte : null,
            };
        }
        if (rules.Int64 is { } i64)
        {
            set = set with
            {
                Minimum = i64.GreaterThanCase == Int64Rules.GreaterThanOneofCase.Gte ? i64.Gte : null,
                Maximum = i64.LessThanCase == Int64Rules.LessThanOneofCase.Lte ? i64.Lte : null,
            };
        }
        if (rules.Double is { } d)
        {
            set = set with
            {
                Minimum = d.GreaterThanCase == DoubleRules.GreaterThanOneofCase.Gte ? (decimal)d.Gte : null,
                Maximum = d.LessThanCase == DoubleRules.LessThanOneofCase.Lte ? (decimal)d.Lte : null,
            };
        }
        if (type == "enum") set = set with { Values = EnumValues(field.TypeName, rules.Enum) };
        return set;
    }

    /// <summary>
    /// The enum's allowed values as the requirement names them. They count only when protovalidate enforces exactly the
    /// declared values (<c>defined_only</c> and <c>in</c> = every non-zero number); anything else is reported as a difference.
    /// </summary>
    private string EnumValues(string typeName, EnumRules? rules)
    {
        var name = typeName.Split('.')[^1];
        var e = _file.EnumType.FirstOrDefault(x => x.Name == name);
        if (e is null) return "(enum not in this file)";
        var prefix = Naming.ToUpperSnake(name) + "_";
        var declared = e.Value.Where(v => v.Number != 0).ToList();
        var enforced = rules is { HasDefinedOnly: true, DefinedOnly: true }
            && rules.In.Order().SequenceEqual(declared.Select(v => v.Number).Order());
        var names = string.Join(",", declared.Select(v => v.Name.StartsWith(prefix, StringComparison.Ordinal)
            ? v.Name[prefix.Length..].ToLowerInvariant() : v.Name));
        return enforced ? names : $"(not enforced) {names}";
    }
}
