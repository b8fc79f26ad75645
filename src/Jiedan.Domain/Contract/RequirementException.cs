namespace Jiedan.Domain.Contract;

/// <summary>
/// A requirement file that cannot become a contract: where (file, 1-based line and column) and why. The problem names
/// the place (entity, field, key) from the document's structure but never quotes a value.
/// </summary>
public sealed class RequirementException(string file, long line, long column, string problem, Exception? inner = null)
    : Exception($"{file}:{line}:{column}: {problem}", inner)
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Problem { get; } = problem;
}
