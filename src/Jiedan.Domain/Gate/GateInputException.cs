namespace Jiedan.Domain.Gate;

/// <summary>
/// Evidence that cannot be read: names the file, the line (1-based, when known) and what is wrong.
/// The gate never passes on such input; the CLI turns it into exit code 2.
/// </summary>
public sealed class GateInputException(string file, long? line, string problem, Exception? inner = null)
    : Exception(Format(file, line, problem), inner)
{
    public string File { get; } = file;
    public long? Line { get; } = line;
    public string Problem { get; } = problem;

    private static string Format(string file, long? line, string problem) =>
        line is { } l ? $"{file}:{l}: {problem}" : $"{file}: {problem}";
}
