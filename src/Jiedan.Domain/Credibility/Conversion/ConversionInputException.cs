namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>
/// Bad conversion input: <see cref="Field"/> names where (e.g. <c>demo.checks[2].weight</c>), the message says what;
/// no input is quoted.
/// </summary>
public sealed class ConversionInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
