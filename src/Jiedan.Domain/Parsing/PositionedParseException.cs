namespace Jiedan.Domain.Parsing;

/// <summary>
/// Input a bounded parser refused: where (1-based line and column, when known) and why. The problem never quotes the
/// input, so a caller may show it whatever file was read.
/// </summary>
public sealed class PositionedParseException(long line, long column, string problem, Exception? inner = null)
    : Exception($"{line}:{column}: {problem}", inner)
{
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Problem { get; } = problem;
}
