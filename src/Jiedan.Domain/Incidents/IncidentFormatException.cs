namespace Jiedan.Domain.Incidents;

/// <summary>
/// A notification, runbook or record that cannot be read. <see cref="Field"/> names where (a JSON path such as
/// <c>alerts[2].startsAt</c>, or <c>file:line</c>), <see cref="Problem"/> says what; neither quotes the input.
/// </summary>
public sealed class IncidentFormatException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
