namespace Jiedan.Deals.Storage;

/// <summary>What happened to a requested move. Exactly one of the cases applies.</summary>
public abstract record MoveResult
{
    public sealed record Moved(DealRecord Deal) : MoveResult;
    public sealed record NotFound : MoveResult;
    public sealed record Stale(int CurrentVersion) : MoveResult;
    public sealed record Rejected(string Field, string Reason) : MoveResult;
}
