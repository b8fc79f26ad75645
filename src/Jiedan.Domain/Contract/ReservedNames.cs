namespace Jiedan.Domain.Contract;

/// <summary>
/// Names a requirement may not use: proto's keywords and scalar types (a field called <c>message</c> or <c>int32</c>
/// confuses readers and some generators), Go's keywords (protoc-gen-go turns field names into Go identifiers), and the
/// fields every entity gets from the generator (<c>id</c>, <c>version</c>).
/// </summary>
public static class ReservedNames
{
    public static IReadOnlySet<string> Proto { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "syntax", "edition", "import", "weak", "public", "package", "option", "message", "enum", "service", "rpc",
        "returns", "stream", "optional", "repeated", "required", "reserved", "extensions", "extend", "oneof", "map", "to",
        "max", "true", "false", "inf", "nan", "group", "double", "float", "int32", "int64", "uint32", "uint64", "sint32",
        "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes",
    };

    public static IReadOnlySet<string> Go { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
        "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
    };

    /// <summary>Fields the generator adds to every entity message and schema.</summary>
    public static IReadOnlySet<string> Generated { get; } = new HashSet<string>(StringComparer.Ordinal) { "id", "version" };

    /// <summary>Why <paramref name="name"/> is reserved, or null when it is free.</summary>
    public static string? Why(string name) =>
        Proto.Contains(name) ? "a proto keyword"
        : Go.Contains(name) ? "a Go keyword"
        : null;
}
