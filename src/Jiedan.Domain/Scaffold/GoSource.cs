using System.Text;

namespace Jiedan.Domain.Scaffold;

/// <summary>A Go file being written: the package clause, imports sorted in gofmt's groups, then the body.</summary>
public sealed class GoSource(string package, string? doc = null)
{
    private readonly SortedSet<string> _standard = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _other = new(StringComparer.Ordinal);
    private readonly StringBuilder _body = new();

    public GoSource Import(string path)
    {
        (path.Split('/')[0].Contains('.', StringComparison.Ordinal) ? _other : _standard).Add(path);
        return this;
    }

    public GoSource Line(string line = "")
    {
        _body.Append(line).Append('\n');
        return this;
    }

    /// <summary><c>if err != nil { then }</c> at the given depth of tabs.</summary>
    public GoSource OnError(string then, int depth = 1)
    {
        var indent = new string('\t', depth);
        return Line(indent + "if err != nil {").Line(indent + "\t" + then).Line(indent + "}");
    }

    public GoSource Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines) Line(line);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        if (doc is not null) text.Append("// ").Append(doc).Append('\n');
        text.Append("package ").Append(package).Append("\n\n");
        var groups = new[] { _standard, _other }.Where(g => g.Count > 0).ToList();
        if (groups.Count == 1 && groups[0].Count == 1) text.Append("import \"").Append(groups[0].First()).Append("\"\n\n");
        else if (groups.Count > 0)
        {
            text.Append("import (\n");
            text.Append(string.Join("\n", groups.Select(g => string.Concat(g.Select(p => $"\t\"{p}\"\n")))));
            text.Append(")\n\n");
        }
        return text.Append(_body.ToString().TrimEnd('\n')).Append('\n').ToString();
    }
}
