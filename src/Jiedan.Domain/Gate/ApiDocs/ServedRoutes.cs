using System.Text.RegularExpressions;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.ApiDocs;

/// <summary>A route the service actually serves, e.g. from a router's route dump.</summary>
public sealed record ServedRoute(string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads a list of served routes: any line containing an HTTP method followed by a path, which covers a plain
/// <c>GET /pets/{id}</c> list, Gin's <c>[GIN-debug] GET /pets/:id --&gt; …</c> and chi/echo walks. Path parameters in
/// any style (<c>{id}</c>, <c>:id</c>, <c>*path</c>) compare equal.
/// </summary>
public static partial class ServedRoutes
{
    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+(/\S*)")]
    private static partial Regex RouteLine();

    [GeneratedRegex(@"\{[^}/]*\}|:[^/]+|\*[^/]*")]
    private static partial Regex Parameter();

    public static IReadOnlyList<ServedRoute> Parse(TextReader content, string name)
    {
        var routes = new List<ServedRoute>();
        foreach (var line in BoundedLines.Read(content, (n, problem) => new GateInputException(name, n, problem)))
        {
            var m = RouteLine().Match(line);
            if (m.Success) routes.Add(new ServedRoute(m.Groups[1].Value, m.Groups[2].Value));
        }
        if (routes.Count == 0) throw new GateInputException(name, null, "no routes found (expected lines like 'GET /pets/{id}')");
        return routes;
    }

    public static string Normalize(string path) => Parameter().Replace(path.TrimEnd('/'), "{}") is { Length: > 0 } p ? p : "/";

    public static IReadOnlyList<string> Undocumented(IEnumerable<ServedRoute> routes, IEnumerable<OperationDocs> operations,
        string basePath)
    {
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            documented.Add(op.Method + " " + Normalize(op.Path));
            documented.Add(op.Method + " " + Normalize(basePath + op.Path));
        }
        return routes
            .Where(r => !documented.Contains(r.Method.ToUpperInvariant() + " " + Normalize(r.Path)))
            .Select(r => r.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
