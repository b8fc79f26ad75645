using Jiedan.Contract.Parity;

namespace Jiedan.Contract.Services;

/// <summary>The parity report as the CLI's parity.json, its --json and the API show it.</summary>
public sealed record ParityView(
    bool Complete, int FieldsCompared, IReadOnlyList<string> Differences, IReadOnlyList<string> Carried, IReadOnlyList<FieldParity> Fields)
{
    public static ParityView From(ParityReport report) =>
        new(report.Complete, report.Fields.Count, report.Differences, report.Carried, report.Fields);
}
