namespace Jiedan.Domain.Gate.Checklist;

/// <summary>Pass and Fail are verdicts; Missing means a required check had no evidence (fails the gate); Skipped means
/// the check is switched off or optional without evidence.</summary>
public enum GateStatus { Pass, Fail, Missing, Skipped }

/// <summary>One line of the deliverables checklist.</summary>
public sealed record GateCheck(string Id, string Title, string TitleZh, string Measured, string Threshold, GateStatus Status,
    IReadOnlyList<string> Details)
{
    public bool Blocks => Status is GateStatus.Fail or GateStatus.Missing;
}

/// <summary>The whole checklist; the gate passes when no check fails and no required evidence is missing.</summary>
public sealed record GateChecklist(IReadOnlyList<GateCheck> Checks)
{
    public bool Passed => !Checks.Any(c => c.Blocks);
}
