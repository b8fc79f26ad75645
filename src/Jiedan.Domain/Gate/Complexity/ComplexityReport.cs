using System.Globalization;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Complexity;

/// <summary>Cyclomatic complexity of one function.</summary>
public sealed record FunctionComplexity(int Complexity, string Package, string Function, string Location);

/// <summary>
/// A gocyclo report: one line per function, <c>complexity package function file:line:col</c> (what
/// <c>gocyclo .</c> prints, and what Jiedan's bundled counter prints with <c>jiedan gate --run</c>).
/// </summary>
public sealed record ComplexityReport(IReadOnlyList<FunctionComplexity> Functions)
{
    public int Max => Functions.Count == 0 ? 0 : Functions.Max(f => f.Complexity);

    public IReadOnlyList<FunctionComplexity> Over(int limit) =>
        Functions.Where(f => f.Complexity > limit).OrderByDescending(f => f.Complexity).ToList();

    public static ComplexityReport Parse(TextReader content, string name)
    {
        var functions = new List<FunctionComplexity>();
        long number = 0;
        foreach (var line in BoundedLines.Read(content, (n, problem) => new GateInputException(name, n, problem)))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith("Average:", StringComparison.Ordinal)) continue;
            var fields = text.Split((char[])[' ', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var complexity))
                throw new GateInputException(name, number, "expected 'complexity package function file:line:col' (gocyclo format)");
            functions.Add(new FunctionComplexity(complexity, fields[1], fields[2], fields[3]));
        }
        return new ComplexityReport(functions);
    }
}
