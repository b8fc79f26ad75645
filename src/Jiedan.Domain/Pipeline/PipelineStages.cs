namespace Jiedan.Domain.Pipeline;

/// <summary>
/// The ordered stages a deal moves through, plus Lost. Moves go forward (skipping is allowed); Lost is reachable
/// from any open stage and needs a reason; the last stage and Lost are terminal.
/// </summary>
public sealed class PipelineStages
{
    public const string LostKey = "Lost";
    private readonly Dictionary<string, int> _index;

    public PipelineStages(IReadOnlyList<Stage> ordered)
    {
        if (ordered.Count < 2) throw new ArgumentException("a pipeline needs at least two stages", nameof(ordered));
        var duplicate = ordered.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"stage '{duplicate.Key}' is listed twice", nameof(ordered));
        if (ordered.Any(s => s.Key.Equals(LostKey, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException("'Lost' is implicit and cannot be listed", nameof(ordered));
        Ordered = ordered;
        _index = ordered.Select((s, i) => (s.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Stage> Ordered { get; }
    public Stage First => Ordered[0];
    public Stage Last => Ordered[^1];
    public static Stage Lost { get; } = new(LostKey, "Lost", "已流失");

    /// <summary>Stages whose time is measured: every stage but the terminal one.</summary>
    public IEnumerable<Stage> Measured => Ordered.Take(Ordered.Count - 1);

    public static PipelineStages Default { get; } = new(
    [
        new("Lead", "Lead", "线索"),
        new("FirstResponse", "First response", "首次响应", 3),
        new("ProposalConfirmed", "Proposal confirmed", "方案确认", 5),
        new("LegalReview", "Legal review", "法务初审", 5),
        new("StampApproval", "Stamp approval", "用印审批", 5),
        new("Signed", "Signed", "合同签署", 5),
        new("Delivering", "Delivering", "交付中", 20),
        new("Delivered", "Delivered", "已交付", 5),
        new("Accepted", "Accepted", "已验收"),
    ]);

    /// <summary>Index of a stage in the order; Lost has no index.</summary>
    public int IndexOf(string key) => _index.TryGetValue(key, out var i) ? i : -1;

    public bool TryFind(string? key, out Stage stage)
    {
        if (key is not null && key.Equals(LostKey, StringComparison.OrdinalIgnoreCase)) { stage = Lost; return true; }
        if (key is not null && _index.TryGetValue(key.Trim(), out var i)) { stage = Ordered[i]; return true; }
        stage = Lost;
        return false;
    }

    public string KnownKeys => string.Join(", ", Ordered.Select(s => s.Key).Append(LostKey));

    public bool IsTerminal(string key) => key.Equals(LostKey, StringComparison.OrdinalIgnoreCase) || IndexOf(key) == Ordered.Count - 1;

    /// <summary>Why a move from <paramref name="from"/> to <paramref name="to"/> is not allowed, or null when it is.</summary>
    public TransitionProblem? CheckMove(string? from, string to, string? lostReason)
    {
        if (!TryFind(to, out var target)) return new("stage", $"unknown stage '{to}' (known: {KnownKeys})");
        if (from is null) return target == Lost ? new("stage", "a deal cannot start as Lost") : null;
        if (IsTerminal(from)) return new("stage", $"the deal is already {from} and cannot move");
        if (target == Lost) return string.IsNullOrWhiteSpace(lostReason) ? new("reason", "moving to Lost needs a reason") : null;
        var (a, b) = (IndexOf(from), IndexOf(target.Key));
        return b <= a ? new("stage", $"cannot move back from {from} to {target.Key}: stages only move forward") : null;
    }
}
