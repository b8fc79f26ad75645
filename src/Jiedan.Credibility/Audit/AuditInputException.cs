namespace Jiedan.Credibility.Audit;

/// <summary>The audit cannot run on this input (not a directory, not a git repository): the CLI's exit 2, the API's 400.
/// The message names the field and the problem, never file content.</summary>
public sealed class AuditInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
